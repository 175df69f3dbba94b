using System.Text.RegularExpressions;
using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Detection;

/// <summary>A secret found in a text: which rule, the value, and where (UTF-16 offsets).</summary>
public sealed record SecretMatch(SecretPattern Rule, string Secret, int SecretOffset, int SecretLength, int MatchOffset, int MatchLength);

/// <summary>
/// Finds secrets in text with a set of rules. Thread-safe and reusable: build once per scan.
/// (Baseline implementation: keyword gate per rule, then the rule's regex over the buffer.)
/// </summary>
public sealed class SecretDetector
{
    private readonly IReadOnlyList<SecretPattern> rules;

    public SecretDetector(IEnumerable<SecretPattern> rules)
    {
        this.rules = rules.ToArray();
    }

    public IReadOnlyList<SecretPattern> Rules => rules;

    public IReadOnlyList<SecretMatch> Detect(string text)
    {
        var found = new List<SecretMatch>();
        foreach (var rule in rules)
        {
            if (!rule.Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            try
            {
                foreach (Match match in rule.Pattern.Matches(text))
                {
                    var group = match.Groups["secret"];
                    var secretGroup = group.Success ? group : match.Groups[0];
                    var secret = secretGroup.Value;
                    if (rule.IsPlaceholder(secret))
                    {
                        continue;
                    }

                    if (rule.MinEntropy is { } floor && Entropy.Shannon(secret) < floor)
                    {
                        continue;
                    }

                    if (!rule.IsValid(secret, match))
                    {
                        continue;
                    }

                    found.Add(new SecretMatch(rule, secret, secretGroup.Index, secretGroup.Length, match.Index, match.Length));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological input: give up on this rule for this buffer rather than stall the scan.
            }
        }

        return found;
    }
}
