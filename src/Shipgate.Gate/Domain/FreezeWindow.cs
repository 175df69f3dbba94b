using System.Globalization;

namespace Shipgate.Gate.Domain;

/// <summary>A period during which deployments to an environment may not start unless an env-admin overrides it with a reason.</summary>
public abstract record FreezeWindow(string Name)
{
    /// <summary>The occurrence of this window that contains <paramref name="instant"/>, or null.</summary>
    public abstract FreezeOccurrence? ActiveAt(DateTimeOffset instant);
}

/// <summary>One occurrence of a freeze window, in UTC.</summary>
public sealed record FreezeOccurrence(string Name, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A one-off freeze between two instants (for example a year-end change freeze).</summary>
public sealed record OneOffFreeze(string Name, DateTimeOffset From, DateTimeOffset To) : FreezeWindow(Name)
{
    public override FreezeOccurrence? ActiveAt(DateTimeOffset instant) =>
        instant >= From && instant < To ? new FreezeOccurrence(Name, From.ToUniversalTime(), To.ToUniversalTime()) : null;
}

/// <summary>
/// A weekly or daily freeze in wall-clock time of an IANA time zone, for example <c>fri 18:00</c> to <c>mon 08:00</c>
/// in <c>Europe/Berlin</c>. Start and end are wall-clock times, so a window keeps its local hours across daylight-saving
/// changes (its length in real time then differs by the shift). A start that falls in a spring-forward gap moves to the
/// first valid minute after it; an ambiguous time in the autumn overlap means its first occurrence.
/// </summary>
/// <param name="Name">The window's name, shown in refusals.</param>
/// <param name="Zone">The time zone the wall-clock times are in.</param>
/// <param name="StartDays">Days the window starts on; null means every day.</param>
/// <param name="Start">Wall-clock start time.</param>
/// <param name="End">Wall-clock end time.</param>
/// <param name="EndDay">Day the window ends on; null means the first <paramref name="End"/> after the start.</param>
public sealed record RecurringFreeze(string Name, TimeZoneInfo Zone, IReadOnlySet<DayOfWeek>? StartDays, TimeOnly Start, DayOfWeek? EndDay, TimeOnly End)
    : FreezeWindow(Name)
{
    public override FreezeOccurrence? ActiveAt(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

        // The latest start at or before the instant is at most eight days back (a weekly window started last week).
        for (var day = local.Date; day >= local.Date.AddDays(-8); day = day.AddDays(-1))
        {
            if (StartDays is not null && !StartDays.Contains(day.DayOfWeek))
            {
                continue;
            }

            var startLocal = day + Start.ToTimeSpan();
            var endLocal = NextEnd(startLocal);
            var start = ToUtc(startLocal);
            var end = ToUtc(endLocal);
            if (start <= instant && instant < end)
            {
                return new FreezeOccurrence(Name, start, end);
            }
        }

        return null;
    }

    private DateTime NextEnd(DateTime startLocal)
    {
        for (var day = startLocal.Date; ; day = day.AddDays(1))
        {
            var candidate = day + End.ToTimeSpan();
            if (candidate > startLocal && (EndDay is null || candidate.DayOfWeek == EndDay))
            {
                return candidate;
            }
        }
    }

    private DateTimeOffset ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var shifted = 0;
        while (Zone.IsInvalidTime(local) && shifted++ < 24 * 60)
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public override string ToString() =>
        $"{Name}: {(StartDays is null ? "daily" : string.Join(',', StartDays))} {Start.ToString("HH:mm", CultureInfo.InvariantCulture)} to {EndDay?.ToString() ?? ""} {End.ToString("HH:mm", CultureInfo.InvariantCulture)} {Zone.Id}";
}
