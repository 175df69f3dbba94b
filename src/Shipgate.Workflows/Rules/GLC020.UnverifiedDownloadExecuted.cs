using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC020: downloaded binary executed without verification.</summary>
public sealed class UnverifiedDownloadExecuted : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC020", "unverified-download-executed", "Downloaded binary executed without verification", Category.Workflows, Severity.Medium, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-UNVERIFIED-DOWNLOAD"],
        Description = "A binary fetched with curl or wget and then made executable runs whatever the server returned; without a checksum or signature check a compromised mirror or release page runs code in the job.",
        Remediation = "Verify the download (sha256sum -c, cosign verify-blob, gpg --verify) before chmod +x, or use an image that ships the tool.",
        Tags = ["security", "supply-chain", "cwe-494"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Jobs)
        {
            var commands = job.ScriptLines().SelectMany(l => Shell.ShellScript.Commands(l.Value).Select(c => (Line: l, Command: c))).ToList();
            var verified = commands.Any(c => c.Command.Name is "sha256sum" or "sha512sum" or "shasum" or "gpg" or "cosign" or "minisign" || c.Command.Words.Any(w => w.Text.Contains("--checksum", StringComparison.Ordinal)));
            if (verified)
            {
                continue;
            }

            var downloaded = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (line, command) in commands)
            {
                var words = command.Words.Select(w => w.Text).ToList();
                if (words[0] is "curl" or "wget")
                {
                    for (var i = 1; i < words.Count - 1; i++)
                    {
                        if (words[i] is "-o" or "-O" or "--output" or "--output-document")
                        {
                            downloaded.Add(words[i + 1]);
                        }
                    }
                }
                else if (words[0] == "chmod" && words.Count >= 3 && words[1].Contains('x', StringComparison.Ordinal) && downloaded.Contains(words[^1]))
                {
                    yield return new AuditScope(scope.Context, job.Source).Hit(this, GitLabSupport.At(new GitLabCommand(job, line, command)), $"Job '{job.Name}' makes the downloaded file '{words[^1]}' executable without verifying it.", job.Name + ":" + words[^1], line);
                }
            }
        }
    }
}
