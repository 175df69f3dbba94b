using System.Text;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Tests.Rules;

/// <summary>
/// <see cref="SecretPattern.IsPlausibleHit"/> lets a rule drop keyword hits before the regex runs. It is only safe when
/// it never drops the hit a reported match runs through: every match of the pattern that passes the rule's checks must
/// contain a keyword occurrence the rule calls plausible. Checked here on each such rule's own samples and on generated
/// assignments near the limits; the generic rules' hit verdict must also equal their verdict on the match.
/// </summary>
public sealed class HitCheckTests
{
    private static readonly string[] Prefixes = ["AKIA", "ASIA", "ABIA", "ACCA", "akia"];

    private static readonly SecretPattern[] Checking = SecretRuleCatalog.Create().Where(r => r.ChecksHits).ToArray();

    public static TheoryData<string> RuleIds() => [.. Checking.Select(r => r.Metadata.Id)];

    [Fact]
    public void The_rules_with_frequent_keywords_check_their_hits() =>
        Checking.Select(r => r.Metadata.Id).ShouldBe(["SEC002", "SEC105", "SEC114", "SEC177", "SEC178"], ignoreOrder: true);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_never_drop_a_hit_that_a_reported_match_runs_through(string id)
    {
        var rule = Checking.Single(r => r.Metadata.Id == id);
        var random = new Random(Seed(id));
        var texts = rule.TruePositives().Concat(rule.FalsePositives()).Concat(Enumerable.Range(0, 4000).Select(_ => id switch
        {
            "SEC002" => AwsLine(random),
            "SEC105" => NpmrcLine(random),
            "SEC114" => LoginLine(random),
            _ => Assignment(random, rule),
        })).ToList();

        var matched = 0;
        foreach (var text in texts)
        {
            foreach (var match in rule.Pattern.Matches(text).Cast<System.Text.RegularExpressions.Match>().Where(m => Reported(rule, m)))
            {
                matched++;
                // A hit whose window covers the match (the keyword may sit in a look-behind, before the match).
                var plausible = rule.Keywords.Any(keyword => Occurrences(text, keyword)
                    .Any(offset => offset - rule.WindowBefore <= match.Index && offset + keyword.Length + rule.WindowAfter >= match.Index + match.Length
                        && offset < match.Index + match.Length && rule.IsPlausibleHit(text, offset, keyword)));
                plausible.ShouldBeTrue($"{id} would drop every hit of its match '{match.Value}' in: {text}");
            }
        }

        matched.ShouldBeGreaterThan(500);
    }

    [Theory]
    [InlineData("SEC177")]
    [InlineData("SEC178")]
    public void Generic_rules_judge_a_hit_as_they_judge_the_match_through_it(string id)
    {
        var rule = Checking.Single(r => r.Metadata.Id == id);
        var random = new Random(Seed(id) + 1);
        int reported = 0, rejected = 0;
        foreach (var text in Enumerable.Range(0, 4000).Select(_ => Assignment(random, rule)))
        {
            foreach (var match in rule.Pattern.Matches(text).Cast<System.Text.RegularExpressions.Match>())
            {
                var verdict = Reported(rule, match);
                var keyStart = match.Groups["pre"].Index;
                var kw = match.Groups["kw"];
                foreach (var keyword in rule.Keywords)
                {
                    // Hits inside the match's own keyword, within the look-behind's reach of the key's start: there the
                    // reader decides. (Another hit in the same key may be too far from its end to start a match; the
                    // match then runs through it from this one, which the test above covers.)
                    foreach (var offset in Occurrences(text, keyword).Where(o => o >= kw.Index && o + keyword.Length <= kw.Index + kw.Length && o - keyStart <= 40))
                    {
                        rule.IsPlausibleHit(text, offset, keyword).ShouldBe(verdict, $"{id} at {offset} ({keyword}) in: {text}");
                        _ = verdict ? reported++ : rejected++;
                    }
                }
            }
        }

        reported.ShouldBeGreaterThan(300);
        rejected.ShouldBeGreaterThan(200);
    }

    [Theory]
    [InlineData("password_policy = token_count.render(aws, 1234)", "SEC177", "password")]
    [InlineData("    \"password_policy\": \"cache-qwrtzpkd\",", "SEC177", "password")]
    [InlineData("    secret_name = os.environ[\"DEPLOY_TOKEN\"]", "SEC178", "secret")]
    [InlineData("    \"token_count\": \"stream-abcdefgh\",", "SEC178", "token")]
    [InlineData("    api_key_hash = \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b\"", "SEC178", "key")]
    public void Generic_rules_drop_code_and_configuration_hits(string text, string id, string keyword)
    {
        var rule = Checking.Single(r => r.Metadata.Id == id);
        var offset = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
        rule.IsPlausibleHit(text, offset, keyword).ShouldBeFalse();
    }

    [Theory]
    [InlineData("docker login -u ci -p {password} registry", "docker", true)]
    [InlineData("podman\tLOGIN quay.io", "podman", true)]
    [InlineData("docker run -p 8080:80 nginx", "docker", false)]
    [InlineData("dockerlogin -p {password}", "docker", false)]
    [InlineData("FROM docker.io/library/alpine", "docker", false)]
    [InlineData("//registry/:_password={base64}", "_password", true)]
    [InlineData("_password = \"{base64}\"", "_password", true)]
    [InlineData("db_password={base64}", "_password", false)]
    [InlineData("smtp-_password={base64}", "_password", false)]
    [InlineData("_password_hash = compute()", "_password", false)]
    public void Command_and_setting_rules_keep_only_hits_that_can_start_their_match(string line, string keyword, bool plausible)
    {
        var text = Filled(line);
        var rule = Checking.Single(r => r.Metadata.Id == (keyword == "_password" ? "SEC105" : "SEC114"));
        rule.IsPlausibleHit(text, text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase), keyword).ShouldBe(plausible);
    }

    [Theory]
    [InlineData("api_token = 'Qm9vdHN0cmFwNk7xZ2Vy'", true)]
    [InlineData("api_token: Qm9vdHN0cmFwNk7xZ2Vy", true)]
    [InlineData("\"token\"  :  \"Qm9vdHN0cmFwNk7xZ2Vy\"", true)]
    [InlineData("<add key=\"AuthToken\" value=\"Qm9vdHN0cmFwNk7xZ2Vy\" />", true)]
    [InlineData("api_token = 'abc'", false)]
    [InlineData("api_token = Qm9vdHN0cmFwNk7xZ2Vy\" + suffix", false)]
    [InlineData("token_count_for_the_session_cache_and_more = 1", false)]
    [InlineData("headers['token'] = value", false)]
    [InlineData("return token.strip()", false)]
    [InlineData("# the token is rotated daily", false)]
    [InlineData("token", false)]
    [InlineData("api_token: {value}\u00A0# no-break space ends an unquoted value", true)]
    [InlineData("api_token = '{half}\u2003{half}'", false)]
    [InlineData("api_token = {half}\u3000{half}", false)]
    public void Generic_secret_assignment_hits(string line, bool plausible)
    {
        var text = Filled(line);
        var rule = Checking.Single(r => r.Metadata.Id == "SEC178");
        var offset = text.IndexOf("oken", StringComparison.OrdinalIgnoreCase) - 1;
        rule.IsPlausibleHit(text, offset, "token").ShouldBe(plausible);
    }

    /// <summary>
    /// The line with its placeholders replaced by values generated now (no credential-shaped literal is committed):
    /// <c>{password}</c> and <c>{value}</c> a random credential-like value of 16 and 24 characters, <c>{half}</c> one of 12
    /// (too short for SEC178 alone), <c>{base64}</c> random text in base64.
    /// </summary>
    private static string Filled(string line) => line
        .Replace("{password}", GenericSecretAssignment.SampleValue(16), StringComparison.Ordinal)
        .Replace("{value}", GenericSecretAssignment.SampleValue(24), StringComparison.Ordinal)
        .Replace("{half}", Samples.Mixed(12), StringComparison.Ordinal)
        .Replace("{base64}", Convert.ToBase64String(Encoding.ASCII.GetBytes(Samples.AlphaNumeric(12))), StringComparison.Ordinal);

    /// <summary>Whether the detector would report the match: a non-empty secret its rule accepts, as in its regex step.</summary>
    private static bool Reported(SecretPattern rule, System.Text.RegularExpressions.Match match)
    {
        var group = match.Groups["secret"];
        var secret = group.Success ? group.Value : match.Value;
        return secret.Length > 0 && rule.Accepts(secret, match);
    }

    /// <summary>A fixed seed per rule (string hashes change from process to process), so a failure reproduces.</summary>
    private static int Seed(string id) => int.Parse(id.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) * 7919;

    private static IEnumerable<int> Occurrences(string text, string keyword)
    {
        for (var at = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            yield return at;
        }
    }

    /// <summary>A key around one of the rule's keywords, a separator and a value, with lengths near the pattern's limits.</summary>
    private static string Assignment(Random random, SecretPattern rule)
    {
        string[] stems = ["secret", "token", "api_key", "apiKey", "access-key", "private.key", "credentials", "credential", "password", "passwd", "passphrase", "pwd", "pass", "signing_key", "db_pass"];
        string[] separators = ["=", ":", ":=", "=>", " = ", ": ", "\t=\t", "   =   ", "\"=", "' : ", " value=", "  value = ", "=\"", ": '", "= `"];
        var key = new StringBuilder();
        key.Append(Word(random, random.Next(0, 3) == 0 ? random.Next(0, 42) : 0));
        var stem = random.Next(3) == 0 ? rule.Keywords[random.Next(rule.Keywords.Count)] : stems[random.Next(stems.Length)];
        key.Append(random.Next(2) == 0 ? stem.ToUpperInvariant() : stem);
        key.Append(Word(random, random.Next(0, 4) == 0 ? random.Next(20, 30) : random.Next(0, 8)));
        var quote = random.Next(4) switch { 0 => "\"", 1 => "'", _ => "" };
        var value = random.Next(6) switch
        {
            0 => Word(random, random.Next(4, 12)) + "." + Word(random, random.Next(2, 8)) + "(" + Word(random, 3) + ")",
            1 => Samples.Mixed(random.Next(3, 16)),
            2 => Word(random, random.Next(8, 30)),
            _ => Samples.Mixed(random.Next(8, 40)),
        };
        var valueQuote = random.Next(3) switch { 0 => "\"", 1 => "'", _ => "" };
        return quote + key + quote + separators[random.Next(separators.Length)] + valueQuote + value + valueQuote + (random.Next(2) == 0 ? ";" : "");
    }

    /// <summary>AWS-looking lines: key names spelled every way the pattern allows (and some it does not), ids, secrets.</summary>
    private static string AwsLine(Random random)
    {
        string[] separators = ["", "_", ".", "-"];
        string Case(string word) => random.Next(3) switch { 0 => word.ToUpperInvariant(), 1 => word, _ => char.ToUpperInvariant(word[0]) + word[1..] };
        string Sep() => separators[random.Next(separators.Length)];
        var secret = TokenFormats.AwsSecretAccessKey();
        var key = random.Next(3) switch
        {
            0 => Case("aws") + Word(random, random.Next(0, 22)) + Case("secret") + Word(random, random.Next(0, 22)),
            1 => Case("secret") + Sep() + Case("access") + Sep() + Case("key"),
            _ => Case("my") + Sep() + Case("access") + Sep() + Case("key"),
        };
        string[] assignments = ["=", ":", "=>", " = ", ": ", "\": \"", "='", " := "];
        return random.Next(4) switch
        {
            0 => (random.Next(2) == 0 ? "x," : "") + TokenFormats.AwsAccessKeyId(Prefixes[random.Next(Prefixes.Length)]) + (random.Next(4) == 0 ? "Z" : "")
                + new string(' ', random.Next(1, 4)) + Word(random, random.Next(0, 100)) + " " + secret,
            _ => key + assignments[random.Next(assignments.Length)] + secret + (random.Next(3) == 0 ? "\"" : ""),
        };
    }

    /// <summary>Registry logins of the four tools with every spacing and casing the pattern allows, and near misses.</summary>
    private static string LoginLine(Random random)
    {
        string[] tools = ["docker", "podman", "buildah", "nerdctl", "DOCKER", "Podman"];
        string[] gaps = ["", " ", "  ", "\t", " \t "];
        string[] verbs = ["login", "LOGIN", "Login", "logout", "run", "log in", "loginx"];
        string[] flags = ["-p ", "--password ", "--password=", "-p\t", "--password  "];
        string[] quotes = ["", "\"", "'"];
        var quote = quotes[random.Next(quotes.Length)];
        return (random.Next(3) == 0 ? "sudo " : random.Next(4) == 0 ? "x" : "") + tools[random.Next(tools.Length)] + gaps[random.Next(gaps.Length)]
            + verbs[random.Next(verbs.Length)] + " " + (random.Next(2) == 0 ? "-u bot " : "") + Word(random, random.Next(0, 12)) + " "
            + flags[random.Next(flags.Length)] + quote + GenericSecretAssignment.SampleValue(random.Next(6, 40)) + quote + " registry.example.test";
    }

    /// <summary>.npmrc lines: the setting alone, scoped to a registry, as the tail of longer names, spaced and quoted.</summary>
    private static string NpmrcLine(Random random)
    {
        string[] before = ["", "//pkgs.example.test/npm/registry/:", "db", "smtp-", "x.", "é", " ", "@scope:"];
        string[] gaps = ["", " ", "\t", "  "];
        var value = Convert.ToBase64String(Encoding.ASCII.GetBytes(Samples.AlphaNumeric(random.Next(6, 40))));
        var quote = random.Next(3) == 0 ? "\"" : "";
        return before[random.Next(before.Length)] + (random.Next(4) == 0 ? "_PASSWORD" : "_password") + gaps[random.Next(gaps.Length)]
            + (random.Next(6) == 0 ? ":" : "=") + gaps[random.Next(gaps.Length)] + quote + value + quote;
    }

    private static string Word(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
