using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CopyArchiveThenExtract : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR089", "copy-archive-then-extract", "Archive is copied and then extracted in a RUN",
        Severity.Info, Confidence.Medium,
        ["hadolint:DL3010"],
        "Copying a tar archive and extracting it in a later RUN keeps the archive in a layer forever, so the image carries the data twice.",
        "Let ADD extract the local archive in one step ('ADD app.tar.gz /opt/app/'), or extract it in a build stage and copy the result.",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        var copies = new List<(Instruction Copy, string Name, string Target)>();
        foreach (var instruction in document.Effective)
        {
            if (instruction.Is("COPY") && instruction.Flag("from") is null && CopySpec.Of(instruction) is { } spec)
            {
                foreach (var source in spec.Sources.Where(CopySpec.IsArchive))
                {
                    copies.Add((instruction, FileName(source), spec.Destination));
                }
            }
            else if (instruction.Is("RUN"))
            {
                foreach (var command in instruction.Script.Commands.Where(c => c.Is("tar") && IsExtract(c)))
                {
                    foreach (var (copy, name, target) in copies.ToList())
                    {
                        if (command.Args.Any(a => a.EndsWith(name, StringComparison.Ordinal) || a == target))
                        {
                            yield return Report(context, document, copy, $"'{name}' is copied and later extracted with '{Clip(command.Text)}'; let ADD extract it.", name);
                            copies.RemoveAll(c => c.Copy == copy);
                        }
                    }
                }
            }
        }
    }

    private static bool IsExtract(ShellCommand tar) =>
        tar.HasOption("-x", "--extract", "--get") || (tar.Arguments.Count > 0 && !tar.Arguments[0].Value.StartsWith('-') && tar.Arguments[0].Value.Contains('x', StringComparison.Ordinal));

    private static string FileName(string path)
    {
        var trimmed = path.Trim('"', '\'');
        var slash = trimmed.LastIndexOf('/');
        return slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
    }
}
