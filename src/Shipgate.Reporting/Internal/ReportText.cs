using System.Globalization;
using System.Text;
using Shipgate.Core;

namespace Shipgate.Reporting.Internal;

/// <summary>Culture-invariant formatting shared by the text writers: numbers, timestamps, labels and the output encoding.</summary>
internal static class ReportText
{
    /// <summary>UTF-8 without a byte-order mark, the encoding of every report.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC to the second: <c>2025-01-31T12:00:00Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Seconds with millisecond precision and a dot: <c>1.250</c>.</summary>
    public static string Seconds(TimeSpan value) =>
        (Math.Max(0, value.Ticks) / (double)TimeSpan.TicksPerSecond).ToString("0.000", CultureInfo.InvariantCulture);

    public static string Upper(Severity severity) => severity.ToWire().ToUpperInvariant();

    /// <summary>"1 finding", "3 findings".</summary>
    public static string Count(int count, string singular, string plural) =>
        Number(count) + " " + (count == 1 ? singular : plural);

    public static string Title(Category category) => category switch
    {
        Category.Secrets => "Secrets",
        Category.Workflows => "Workflows",
        Category.Deps => "Dependencies",
        Category.Docker => "Docker",
        Category.Iac => "Infrastructure as code",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static string Title(SuppressionKind kind) => kind switch
    {
        SuppressionKind.Inline => "Inline",
        SuppressionKind.Config => "Config",
        SuppressionKind.Baseline => "Baseline",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Wire(SuppressionKind kind) => kind switch
    {
        SuppressionKind.Inline => "inline",
        SuppressionKind.Config => "config",
        SuppressionKind.Baseline => "baseline",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary><c>path:line:column</c> of a location's start.</summary>
    public static string Position(Location location) =>
        location.Path + ":" + Number(location.StartLine) + ":" + Number(location.StartColumn);

    /// <summary>The one-line form of a scan error, <c>path:line:column: message</c>, culture-invariant.</summary>
    public static string Describe(ScanError error) =>
        error.Line is { } line
            ? error.Path + ":" + Number(line) + (error.Column is { } column ? ":" + Number(column) : "") + ": " + error.Message
            : error.Path + ": " + error.Message;

    /// <summary>
    /// A remote URL without its user information, so a token embedded in <c>https://user:token@host/</c>
    /// never reaches a report.
    /// </summary>
    public static string? WithoutCredentials(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return url;
        }

        var builder = new UriBuilder(uri) { UserName = "", Password = "" };
        return builder.Uri.AbsoluteUri;
    }

    public static async ValueTask WriteAsync(Stream output, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Utf8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
