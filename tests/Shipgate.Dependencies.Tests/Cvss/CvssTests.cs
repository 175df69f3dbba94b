using Shipgate.Core;
using Shipgate.Dependencies.Cvss;
using Shipgate.Dependencies.Osv;

namespace Shipgate.Dependencies.Tests.Cvss;

/// <summary>
/// Expected scores are worked out by hand from the specification formulas (the arithmetic is in the comments), not
/// taken from another calculator's output.
/// </summary>
public sealed class CvssTests
{
    [Theory]
    // ISS = 1 - 0.44^3 = 0.914816; impact 6.42*ISS = 5.8731; exploitability 8.22*0.85*0.77*0.85*0.85 = 3.8870; 9.7601 -> 9.8
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    // changed scope: impact 7.52*(0.3916-0.029) - tiny = 2.7267; expl 8.22*.85*.77*.85*.62 = 2.8353; 1.08*5.5620 = 6.0070 -> 6.1
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)]
    // impact 6.42*0.22 = 1.4124; expl 8.22*.55*.44*.27*.62 = 0.3330; 1.7454 -> 1.8
    [InlineData("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8)]
    // PR:L under changed scope weighs 0.68: impact 6.0478, expl 3.1096, 1.08*9.1574 = 9.8900 -> 9.9
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9)]
    // no impact at all scores 0
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    // temporal metrics are accepted and leave the base score alone; 3.0 rounds with a plain ceiling
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O", 9.8)]
    public void CvssV3_base_scores_follow_the_formulas(string vector, double expected) =>
        CvssV3.BaseScore(vector).ShouldBe(expected);

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")] // A missing
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L")] // duplicate
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // bad value
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1")] // unknown metric
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P")] // CVSS v2 is not v3
    [InlineData("")]
    public void CvssV3_rejects_invalid_vectors(string vector) => CvssV3.BaseScore(vector).ShouldBeNull();

    [Fact]
    public void CvssV3_roundup_is_immune_to_binary_noise()
    {
        CvssV3.Roundup31(4.000000000000001).ShouldBe(4.0);
        CvssV3.Roundup31(4.02).ShouldBe(4.1);
    }

    [Theory]
    // MacroVector 000100 (10); the vector equals the highest vector of its MacroVector: distance 0 -> 10.0
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0)]
    // MacroVector 000200 (9.3); no lower EQ4 MacroVector, all counted distances 0 -> 9.3
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3)]
    // MacroVector 002201 (6.9); only EQ1, EQ2, EQ5 have lower MacroVectors, all at distance 0 -> 6.9
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9)]
    // MacroVector 100200 (8.7); AV:L is one step from AV:A: EQ1 share (8.7-7.0)*1/4 = 0.425; four lower MacroVectors -> 8.7-0.10625 = 8.6
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.6)]
    // MacroVector 212201 (1.0); only EQ5 has a lower MacroVector and it contributes 0 -> 1.0
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 1.0)]
    // E:U moves EQ5 to 2: MacroVector 000220 (8.1), distances 0 -> 8.1
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 8.1)]
    // no impact anywhere scores 0
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0)]
    public void CvssV4_scores_follow_the_macrovector_method(string vector, double expected) =>
        CvssV4.Score(vector).ShouldBe(expected);

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N")] // S only in MSI/MSA
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    public void CvssV4_rejects_invalid_vectors(string vector) => CvssV4.Score(vector).ShouldBeNull();

    [Fact]
    public void CvssV4_table_has_every_macrovector_of_the_specification() => CvssV4Table.Count.ShouldBe(270);

    [Fact]
    public void CvssV4_every_valid_base_vector_scores_between_0_and_10()
    {
        // Exhaustive over the 11 base metrics (4*2*2*3*3*3^6 = 104,976 vectors): never throws, always in range.
        IEnumerable<string> vectors = ["CVSS:4.0"];
        foreach (var (name, values) in new[] { ("AV", "NALP"), ("AC", "LH"), ("AT", "NP"), ("PR", "NLH"), ("UI", "NPA"), ("VC", "HLN"), ("VI", "HLN"), ("VA", "HLN"), ("SC", "HLN"), ("SI", "HLN"), ("SA", "HLN") })
        {
            vectors = vectors.SelectMany(v => values.Select(c => $"{v}/{name}:{c}")).ToList();
        }

        var count = 0;
        foreach (var vector in vectors)
        {
            var score = CvssV4.Score(vector);
            score.ShouldNotBeNull();
            score.Value.ShouldBeInRange(0, 10);
            count++;
        }

        count.ShouldBe(104_976);
    }

    [Theory]
    [InlineData(0.0, Severity.Low)]
    [InlineData(3.9, Severity.Low)]
    [InlineData(4.0, Severity.Medium)]
    [InlineData(6.9, Severity.Medium)]
    [InlineData(7.0, Severity.High)]
    [InlineData(8.9, Severity.High)]
    [InlineData(9.0, Severity.Critical)]
    public void Scores_map_to_the_qualitative_ratings(double score, Severity expected) =>
        AdvisorySeverity.FromScore(score).ShouldBe(expected);
}
