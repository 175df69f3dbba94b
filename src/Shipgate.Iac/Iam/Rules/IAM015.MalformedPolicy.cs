using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class MalformedPolicy : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM015", "malformed-policy", "Policy document is malformed",
        Severity.Medium, Confidence.High,
        ["parliament:MALFORMED", "parliament:MALFORMED_JSON", "concept:IAM-MALFORMED"],
        "The policy document breaks the IAM policy grammar: it is not valid JSON, has an unknown element (a typo such as 'Actions' or 'Resources'), a Version other than 2012-10-17 or 2008-10-17, an Effect other than Allow or Deny, no Action, or both Action and NotAction. AWS rejects such a policy at deploy time, or, for some typos in resource policies, silently reads it differently from what the author meant.",
        "Fix the element named in the message. 'aws iam validate-policy' or IAM Access Analyzer's policy validation checks a document before deployment.",
        "correctness");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var problem in document.Problems)
        {
            var where = document.Origin.Length == 0 ? "The policy" : $"Policy {document.Origin}";
            yield return Report(context, document, problem.Line, problem.Column, $"{where} is malformed: {problem.Message}.", problem.Message);
        }
    }
}
