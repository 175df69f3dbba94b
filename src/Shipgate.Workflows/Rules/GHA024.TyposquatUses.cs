using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA024: an action owner one typo away from a popular one (action/checkout, acti0ns/checkout).</summary>
public sealed class TyposquatUses : WorkflowRule<GitHubDocument>
{
    private static readonly string[] PopularOwners =
    [
        "actions", "github", "docker", "aws-actions", "azure", "google-github-actions", "hashicorp", "pypa", "softprops",
        "peter-evans", "codecov", "dtolnay", "astral-sh", "gradle", "ruby", "pnpm", "sigstore", "slsa-framework",
        "goreleaser", "swatinem", "jamesives", "stefanzweifel", "peaceiris", "golangci", "denoland", "oven-sh",
        "actions-rs", "microsoft", "dorny", "tj-actions", "ncipollo", "crazy-max", "cachix", "helm", "anchore",
        "aquasecurity", "snyk", "release-drafter", "mikepenz", "endbug", "rtcamp", "appleboy", "shivammathur",
    ];

    public override RuleMetadata Metadata { get; } = new(
        "GHA024", "typosquat-uses", "Action owner looks like a typo of a popular one", Category.Workflows, Severity.High, Confidence.Low)
    {
        Equivalents = ["zizmor:typosquat-uses"],
        Description = "Attackers register owners one keystroke away from popular ones (acti0ns, dokcer) and publish look-alike actions that steal secrets; a typo in uses: runs their code with the job's token.",
        Remediation = "Check the spelling of the owner and replace it with the intended one.",
        Tags = ["security", "supply-chain", "typosquatting"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (uses, scalar, _, _, _) in RuleSupport.AllUses(document))
        {
            if (uses.Kind != UsesKind.Repository)
            {
                continue;
            }

            var owner = uses.Owner.ToLowerInvariant();
            if (owner.Length < 4 || PopularOwners.Contains(owner))
            {
                continue;
            }

            var target = PopularOwners.FirstOrDefault(p => p.Length >= 5 && Distance(owner, p) == 1);
            if (target is not null)
            {
                yield return scope.AtUses(this, scalar, scalar, $"The owner '{uses.Owner}' in '{uses.Raw}' is one edit away from the popular owner '{target}'.");
            }
        }
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at 2.</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return Math.Min(d[a.Length, b.Length], 2);
    }
}
