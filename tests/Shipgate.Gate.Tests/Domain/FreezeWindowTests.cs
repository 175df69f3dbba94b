using Shipgate.Gate.Domain;

namespace Shipgate.Gate.Tests.Domain;

public class FreezeWindowTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Should_keep_wall_clock_hours_across_the_spring_forward_night()
    {
        // Given a Saturday 22:00 to Sunday 04:00 Berlin freeze, on the night clocks jump 02:00 → 03:00 (29 March 2026).
        var freeze = new RecurringFreeze("night", Berlin, new HashSet<DayOfWeek> { DayOfWeek.Saturday }, new TimeOnly(22, 0), DayOfWeek.Sunday, new TimeOnly(4, 0));

        // Then it starts at 21:00 UTC (CET, +1) and ends at 02:00 UTC (CEST, +2): five real hours, not six.
        var inside = freeze.ActiveAt(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero));
        inside.ShouldNotBeNull();
        inside.Start.ShouldBe(new DateTimeOffset(2026, 3, 28, 21, 0, 0, TimeSpan.Zero));
        inside.End.ShouldBe(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.Zero));
        freeze.ActiveAt(new DateTimeOffset(2026, 3, 29, 2, 30, 0, TimeSpan.Zero)).ShouldBeNull();
        freeze.ActiveAt(new DateTimeOffset(2026, 3, 28, 20, 59, 0, TimeSpan.Zero)).ShouldBeNull();
    }

    [Fact]
    public void Should_take_the_first_occurrence_of_an_ambiguous_autumn_time()
    {
        // Given a daily 02:30–03:30 freeze; on 25 October 2026 Berlin repeats 02:00–03:00.
        var freeze = new RecurringFreeze("repeat", Berlin, null, new TimeOnly(2, 30), null, new TimeOnly(3, 30));

        var occurrence = freeze.ActiveAt(new DateTimeOffset(2026, 10, 25, 0, 45, 0, TimeSpan.Zero));

        // Then 02:30 means its first (CEST) occurrence, 00:30 UTC, and 03:30 CET is 02:30 UTC.
        occurrence.ShouldNotBeNull();
        occurrence.Start.ShouldBe(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
        occurrence.End.ShouldBe(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Should_move_a_start_in_the_spring_gap_to_the_first_valid_minute()
    {
        var freeze = new RecurringFreeze("gap", Berlin, null, new TimeOnly(2, 30), null, new TimeOnly(5, 0));

        var occurrence = freeze.ActiveAt(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero));

        // 02:30 does not exist that night; the window opens at 03:00 CEST = 01:00 UTC.
        occurrence.ShouldNotBeNull();
        occurrence.Start.ShouldBe(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Should_span_a_weekend()
    {
        var freeze = new RecurringFreeze("weekend", Berlin, new HashSet<DayOfWeek> { DayOfWeek.Friday }, new TimeOnly(18, 0), DayOfWeek.Monday, new TimeOnly(8, 0));

        freeze.ActiveAt(new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.Zero)).ShouldNotBeNull(); // Sunday
        freeze.ActiveAt(new DateTimeOffset(2026, 6, 8, 5, 59, 0, TimeSpan.Zero)).ShouldNotBeNull(); // Monday 07:59 CEST
        freeze.ActiveAt(new DateTimeOffset(2026, 6, 8, 6, 0, 0, TimeSpan.Zero)).ShouldBeNull(); // Monday 08:00 CEST
        freeze.ActiveAt(new DateTimeOffset(2026, 6, 5, 15, 59, 0, TimeSpan.Zero)).ShouldBeNull(); // Friday 17:59 CEST
    }

    [Fact]
    public void Should_cover_a_one_off_range_end_exclusive()
    {
        var from = new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.FromHours(1));
        var to = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.FromHours(1));
        var freeze = new OneOffFreeze("year-end", from, to);

        freeze.ActiveAt(from).ShouldNotBeNull();
        freeze.ActiveAt(to).ShouldBeNull();
    }
}
