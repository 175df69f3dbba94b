using System.Text;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests.Detection;

public sealed class EncodedContentTests
{
    private static readonly SecretDetector Detector = new(TestCatalogue.Rules);

    public static TheoryData<string> Encodings => ["base64", "base64url", "hex", "percent"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Should_find_a_secret_inside_encoded_content_at_the_encoded_run(string encoding)
    {
        // Given a token hidden in an encoded value
        var secret = TestGitHubToken.NewSecret();
        var encoded = Encode(encoding, "auth: " + secret + "\n");
        var text = "config:\n  blob: \"" + encoded + "\"\n";

        // When
        var match = Detector.Detect(text).ShouldHaveSingleItem();

        // Then it is reported once, on the encoded run, with the decoded value and the encoding
        match.Rule.ShouldBeOfType<TestGitHubToken>();
        match.Secret.ShouldBe(secret);
        match.Encoding.ShouldBe(encoding == "base64url" ? "base64" : encoding);
        (match.SecretOffset, match.SecretLength).ShouldBe((text.IndexOf(encoded, StringComparison.Ordinal), encoded.Length));
    }

    [Fact]
    public void Should_peel_two_layers_but_not_three()
    {
        // Given a token encoded twice and another encoded three times
        var twice = TestGitHubToken.NewSecret();
        var thrice = TestGitHubToken.NewSecret();
        var text = "a: " + Encode("base64", Encode("hex", "k " + twice)) + "\nb: " + Encode("base64", Encode("base64", Encode("base64", "k " + thrice))) + "\n";

        // When
        var matches = Detector.Detect(text);

        // Then
        var match = matches.ShouldHaveSingleItem();
        (match.Secret, match.Encoding).ShouldBe((twice, "base64+hex"));
    }

    [Fact]
    public void Should_not_report_a_base64_looking_secret_twice()
    {
        // Given a secret that is itself made of base64 characters
        var secret = TestCloudSecretKey.NewSecret();

        // When
        var match = Detector.Detect("cloud_secret_key = " + secret + "\n").ShouldHaveSingleItem();

        // Then it is a plain match only
        (match.Secret, match.Encoding).ShouldBe((secret, (string?)null));
    }

    [Fact]
    public void Should_not_report_from_decoded_text_a_rule_that_already_matched_there_in_plain_text()
    {
        // Given a generic secret whose base64 value decodes to another generic secret assignment
        var inner = "secret = " + TestCatalogue.NotPlaceholder(() => Samples.Mixed(24));
        var value = Encode("base64", inner);

        // When
        var match = Detector.Detect("secret: " + value + "\n").ShouldHaveSingleItem();

        // Then only the plain-text finding remains
        (match.Secret, match.Encoding).ShouldBe((value, (string?)null));
    }

    [Fact]
    public void Should_not_double_report_a_token_in_a_percent_encoded_url()
    {
        // Given a URL with escapes whose query also holds a token in clear
        var secret = TestGitHubToken.NewSecret();

        // When
        var matches = Detector.Detect("https://ci.test/hook?name=a%20b&token=" + secret + "&x=1\n");

        // Then the plain match wins over the same rule in the decoded run
        var match = matches.ShouldHaveSingleItem();
        (match.Secret, match.Encoding).ShouldBe((secret, (string?)null));
    }

    [Fact]
    public void Should_find_a_token_that_only_appears_once_a_percent_escape_is_decoded()
    {
        // Given a token glued to an escaped '=' (no word boundary before it in the raw text)
        var secret = TestGitHubToken.NewSecret();

        // When
        var match = Detector.Detect("https://ci.test/hook?token%3D" + secret + "&x=1\n").ShouldHaveSingleItem();

        // Then
        (match.Secret, match.Encoding).ShouldBe((secret, "percent"));
    }

    [Fact]
    public void Should_ignore_encoded_runs_that_decode_to_binary()
    {
        // Given long runs of base64 and hex that decode to random bytes
        var text = "a = " + Samples.Base64OfBytes(300) + "\nb = " + Samples.Hex(128) + "\n";

        // When / Then
        Detector.Detect(text).ShouldBeEmpty();
    }

    [Fact]
    public void Should_place_decoded_matches_on_the_encoded_run_when_streaming()
    {
        // Given an encoded token on line 3
        var secret = TestGitHubToken.NewSecret();
        var encoded = Encode("base64", "password " + secret);

        // When
        var found = Detector.Scan("one\ntwo\n  x: " + encoded + " # end\n").ToList().ShouldHaveSingleItem();

        // Then the location is the run and the line shows it redacted
        (found.StartLine, found.StartColumn, found.EndColumn, found.Encoding).ShouldBe((3, 6, 5 + encoded.Length, "base64"));
        found.RedactedLine.ShouldBe("  x: " + encoded[..4] + "… # end");
    }

    internal static string Encode(string encoding, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return encoding switch
        {
            "base64" => Convert.ToBase64String(bytes),
            "base64url" => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            "hex" => Convert.ToHexStringLower(bytes),
            "percent" => string.Concat(bytes.Select(b => char.IsAsciiLetterOrDigit((char)b) && b % 3 != 0 ? ((char)b).ToString() : $"%{b:X2}")),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
    }
}
