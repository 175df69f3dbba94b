using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

/// <summary>
/// The base of every Dockerfile rule: a <see cref="Rule{TDocument}"/> over <see cref="Dockerfile"/> with helpers
/// that build metadata in the docker category and report at an instruction or at a shell command. Stateless.
/// </summary>
internal abstract class DockerfileRule : Rule<Dockerfile>
{
    protected static RuleMetadata Define(
        string id,
        string name,
        string title,
        Severity severity,
        Confidence confidence,
        string[] equivalents,
        string description,
        string remediation,
        RuleStatus status = RuleStatus.Stable,
        params string[] tags) =>
        Describe(Category.Docker, id, name, title, severity, confidence, equivalents, description, remediation, status, tags);

    protected Finding Report(RuleContext context, Dockerfile file, Instruction instruction, string message, string? material = null) =>
        context.Report(this, file.LocationOf(instruction), message, material ?? instruction.Keyword + " " + instruction.Arguments.Trim());

    protected Finding Report(RuleContext context, Dockerfile file, Instruction run, ShellCommand command, string message, string? material = null) =>
        context.Report(this, file.LocationOf(run, command), message, material ?? command.Text);

    protected Finding Report(RuleContext context, Dockerfile file, Instruction run, ShellWord word, string message, string? material = null) =>
        context.Report(this, file.LocationOf(run, word), message, material ?? word.Value);

    /// <summary>Shortens a value for a message, so a long command never floods a report.</summary>
    protected static string Clip(string value, int max = 80)
    {
        var flat = value.ReplaceLineEndings(" ").Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}
