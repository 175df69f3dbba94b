namespace Shipgate.Reporting.Tests;

public sealed class ReportWritersTests
{
    public static TheoryData<ReportFormat> Formats() => [.. Enum.GetValues<ReportFormat>()];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Should_return_a_writer_for_every_format(ReportFormat format) =>
        ReportWriters.For(format, ReportWriterOptions.Default).Format.ShouldBe(format);

    [Fact]
    public void Should_reject_an_undefined_format() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ReportWriters.For((ReportFormat)99, ReportWriterOptions.Default));

    [Fact]
    public void Should_default_to_a_fixed_width_without_color()
    {
        ReportWriterOptions.Default.Width.ShouldBe(120);
        ReportWriterOptions.Default.Color.ShouldBeFalse();
    }
}
