using System.Globalization;

namespace Shipgate.Gate.Config;

/// <summary>Durations written as a number and a unit: <c>90s</c>, <c>30m</c>, <c>12h</c>, <c>30d</c>.</summary>
public static class GateDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (text is not { Length: >= 2 } || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1_000_000)
        {
            return false;
        }

        switch (char.ToLowerInvariant(text[^1]))
        {
            case 's': value = TimeSpan.FromSeconds(n); return true;
            case 'm': value = TimeSpan.FromMinutes(n); return true;
            case 'h': value = TimeSpan.FromHours(n); return true;
            case 'd': value = TimeSpan.FromDays(n); return true;
            default: return false;
        }
    }
}
