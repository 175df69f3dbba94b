using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class BypassableMfaCondition : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM016", "bypassable-mfa-condition", "Allow depends on aws:MultiFactorAuthPresent being false",
        Severity.Medium, Confidence.High,
        ["parliament:BAD_PATTERN_FOR_MFA"],
        "An Allow statement uses the condition Bool aws:MultiFactorAuthPresent = false. The key is absent (not false) for long-term access keys, so the condition does not mean what it says: requests signed with access keys skip it entirely, and the pattern is usually a mistaken attempt to require MFA.",
        "Require MFA with a Deny statement and BoolIfExists aws:MultiFactorAuthPresent = false, or with an Allow that requires Bool aws:MultiFactorAuthPresent = true.",
        "mfa");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document))
        {
            if (statement.Condition is not MapNode condition)
            {
                continue;
            }

            foreach (var op in condition.Entries.Where(e => e.Key is "Bool" or "BoolIfExists"))
            {
                if (op.Value is not MapNode keys)
                {
                    continue;
                }

                var mfa = keys.Entries.FirstOrDefault(k => string.Equals(k.Key, "aws:MultiFactorAuthPresent", StringComparison.OrdinalIgnoreCase));
                if (mfa is not null && mfa.Value.Items().Any(v => string.Equals(v.AsScalarText(), "false", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return Report(context, document, mfa.Line, mfa.Column,
                        $"{document.Describe(statement)} allows only when {op.Key} aws:MultiFactorAuthPresent is false, which requests with long-term access keys never match and which does not require MFA.",
                        statement.Name);
                }
            }
        }
    }
}
