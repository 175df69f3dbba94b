using System.Globalization;
using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class InvalidPort : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR063", "invalid-port", "EXPOSE names a port outside 0-65535",
        Severity.High, Confidence.High,
        ["hadolint:DL3011", "trivy:DS-0008"],
        "UNIX ports range from 0 to 65535; a larger number is a typo and the build fails or the port is never reachable.",
        "Fix the port number.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var expose in document.EffectiveOfKind("EXPOSE"))
        {
            foreach (var word in ArgumentWords.Split(expose.Body))
            {
                var port = word.Value.Split('/')[0];
                foreach (var part in port.Split('-'))
                {
                    if (part.Length > 0 && part.All(char.IsAsciiDigit) && (part.Length > 5 || int.Parse(part, CultureInfo.InvariantCulture) > 65535))
                    {
                        yield return Report(context, document, expose, $"EXPOSE '{word.Value}' is outside the valid port range 0-65535.", word.Value);
                        break;
                    }
                }
            }
        }
    }
}
