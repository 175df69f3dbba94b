using Shipgate.Core;

namespace Shipgate.Iac.Iam;

/// <summary>
/// Standalone JSON policy files: which ones to claim and how to read them. A file is claimed when its name says it
/// is a policy (a name token <c>iam</c>, <c>policy</c> or <c>policies</c>) or when its head mentions <c>"Statement"</c>;
/// CloudFormation templates are left to the template reader. A claimed file that is not valid
/// JSON is itself a malformed policy, reported as a finding at the error position (as parliament does). Stateless.
/// </summary>
internal static class JsonPolicyFile
{
    public static bool IsJsonName(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".tf.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the file name alone marks the file as a policy.</summary>
    public static bool IsPolicyName(string name)
    {
        var stem = name[..name.LastIndexOf('.')];
        foreach (var token in stem.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Equals("iam", StringComparison.OrdinalIgnoreCase)
                || token.EndsWith("policy", StringComparison.OrdinalIgnoreCase)
                || token.EndsWith("policies", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a claimed file into its policies; a parse error becomes a one-problem document.</summary>
    public static IReadOnlyList<PolicyDocument> Read(string text)
    {
        try
        {
            return PolicyLocator.Find(PositionedJson.Parse(text));
        }
        catch (InputFormatException error)
        {
            var line = error.Line ?? 1;
            var column = error.Column ?? 1;
            return
            [
                new PolicyDocument
                {
                    Origin = "",
                    Kind = PolicyKind.Unknown,
                    Line = line,
                    Column = column,
                    Problems = [new PolicyProblem("the file is not valid JSON (" + error.Message.Replace("invalid JSON: ", "", StringComparison.Ordinal) + ")", line, column)],
                },
            ];
        }
    }
}
