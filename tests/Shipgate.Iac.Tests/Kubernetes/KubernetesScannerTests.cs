using System.Text;
using Shipgate.Core;
using Shipgate.Iac.Kubernetes;

namespace Shipgate.Iac.Tests.Kubernetes;

public sealed class KubernetesScannerTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          hostPID: true
          containers:
            - name: web
              image: nginx
        """;

    private readonly KubernetesScanner scanner = new();

    [Theory]
    [InlineData("k8s/deploy.yaml", Pod, true)]
    [InlineData("deploy.yml", Pod, true)]
    [InlineData("deploy.json", """{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}}""", true)]
    [InlineData("list.yaml", "- apiVersion: v1\n  kind: Pod\n", false)]
    [InlineData("values.yaml", "image:\n  tag: latest\n", false)]
    [InlineData("Chart.yaml", "apiVersion: v2\nname: app\nkind: x\n", false)]
    [InlineData(".github/workflows/ci.yml", "apiVersion: v1\nkind: Pod\n", false)]
    [InlineData("docker-compose.yml", "apiVersion: v1\nkind: Pod\n", false)]
    [InlineData("deploy.txt", Pod, false)]
    [InlineData("policy.json", """{"Version": "2012-10-17", "Statement": []}""", false)]
    public void Claims_manifests_by_extension_and_content(string path, string content, bool claimed)
    {
        var file = ScanFile.FromBytes(path, Encoding.UTF8.GetBytes(content), path);
        scanner.Claims(file).ShouldBe(claimed);
    }

    [Fact]
    public async Task Scan_runs_the_rules_on_every_object()
    {
        // Given a pod that shares the host PID namespace and runs an untagged image
        var findings = await ScanAsync("pod.yaml", Pod);

        // Then both show up, with positions in the file
        findings.ShouldContain(f => f.RuleId == "K8S013" && f.Location.StartLine == 6);
        findings.ShouldContain(f => f.RuleId == "K8S026" && f.Location.StartLine == 9);
        findings.ShouldAllBe(f => f.Location.Path == "pod.yaml");
    }

    [Fact]
    public async Task Templated_files_report_explicit_settings_only()
    {
        // Given a Helm template that sets hostPID and leaves resources to the chart values
        var template = "{{- if .Values.enabled }}\n" + Pod + "\n      resources:\n        {{- toYaml .Values.resources | nindent 8 }}\n{{- end }}\n";

        // When scanned
        var findings = await ScanAsync("templates/pod.yaml", template);

        // Then the explicit setting is reported but nothing that the template may fill in
        findings.ShouldContain(f => f.RuleId == "K8S013");
        findings.ShouldNotContain(f => f.RuleId == "K8S029" || f.RuleId == "K8S002" || f.RuleId == "K8S019");
    }

    [Fact]
    public async Task Broken_yaml_is_an_input_error_with_line()
    {
        var error = await Should.ThrowAsync<InputFormatException>(() => ScanAsync("bad.yaml", Pod + "\n  - broken: [\n"));
        error.Line.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_broken_document_does_not_hide_the_others()
    {
        // Given a three-document manifest whose middle document is malformed
        var text = Pod + "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: [oops\n---\n" + Pod.Replace("name: web", "name: api", StringComparison.Ordinal) + "\n";
        var context = new RuleContext("multi.yaml", "multi.yaml", RuleSettings.Default);

        // When scanned
        var findings = await scanner.ScanAsync(ScanFile.FromBytes("multi.yaml", Encoding.UTF8.GetBytes(text), "multi.yaml"), context, CancellationToken.None);

        // Then both pods are reported, at their own lines, and the broken document is one positioned error
        findings.Where(f => f.RuleId == "K8S013").Select(f => f.Location.StartLine).ShouldBe([6, 20]);
        var error = context.Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("multi.yaml");
        error.Line.ShouldNotBeNull();
        error.Line!.Value.ShouldBeInRange(11, 15);
    }

    [Fact]
    public async Task Oversized_manifest_is_an_input_error_not_a_crash()
    {
        // Given a manifest larger than the loader accepts (a 17 MiB ConfigMap)
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: " + new string('x', 17 * 1024 * 1024) + "\n";

        // When / Then: one positioned error for this file
        var error = await Should.ThrowAsync<InputFormatException>(() => ScanAsync("big.yaml", text));
        error.Line.ShouldBe(1);
        error.Message.ShouldContain("larger than");
    }

    [Fact]
    public async Task Disabled_rules_do_not_run()
    {
        var context = new RuleContext("pod.yaml", "pod.yaml", new RuleSettings(disabled: ["K8S013", "image-tag-latest"]));
        var findings = await scanner.ScanAsync(ScanFile.FromBytes("pod.yaml", Encoding.UTF8.GetBytes(Pod)), context, CancellationToken.None);
        findings.ShouldNotContain(f => f.RuleId == "K8S013" || f.RuleId == "K8S026");
        findings.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Fingerprints_survive_reindentation_and_moves()
    {
        var first = await ScanAsync("pod.yaml", Pod);
        var moved = await ScanAsync("pod.yaml", "# a comment that shifts every line\n\n" + Pod);
        moved.Select(f => f.Fingerprint).Order().ShouldBe(first.Select(f => f.Fingerprint).Order());
    }

    private async Task<IReadOnlyList<Finding>> ScanAsync(string path, string text)
    {
        var file = ScanFile.FromBytes(path, Encoding.UTF8.GetBytes(text), path);
        var context = new RuleContext(path, path, RuleSettings.Default);
        return await scanner.ScanAsync(file, context, CancellationToken.None);
    }
}
