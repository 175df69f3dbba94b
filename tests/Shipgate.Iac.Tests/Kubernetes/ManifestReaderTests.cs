using Shipgate.Iac.Kubernetes;

namespace Shipgate.Iac.Tests.Kubernetes;

public sealed class ManifestReaderTests
{
    [Fact]
    public void Reads_every_workload_shape_and_its_containers()
    {
        // Given a multi-document manifest with a CronJob, a List of Pods and a non-Kubernetes document
        const string text = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly, namespace: jobs}
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      initContainers: [{name: init, image: busybox:1.36.1}]
                      containers: [{name: run, image: app:1.0.0}]
                      ephemeralContainers: [{name: debug, image: busybox:1.36.1}]
            ---
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Pod
                metadata: {name: a}
                spec: {containers: [{name: c}]}
              - {apiVersion: v1, kind: Service, metadata: {name: s}}
            ---
            just: some yaml
            """;

        // When it is read
        var manifest = ManifestReader.Read("m.yaml", text);

        // Then objects are listed in order, pod templates are found and containers keep their kind
        manifest.Resources.Select(r => r.Display).ShouldBe(["CronJob 'nightly'", "Pod 'a'", "Service 's'"]);
        manifest.Resources[0].Namespace.ShouldBe("jobs");
        manifest.Resources[1].DocumentIndex.ShouldBe(1);
        manifest.Resources[2].Pod.ShouldBeNull();
        var containers = manifest.Containers().Select(c => (c.Container.Name, c.Container.Kind)).ToList();
        containers.ShouldBe([("init", ContainerKind.Init), ("run", ContainerKind.Regular), ("debug", ContainerKind.Ephemeral), ("c", ContainerKind.Regular)]);
        manifest.IsTemplated.ShouldBeFalse();
    }

    [Fact]
    public void Container_settings_override_pod_settings()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext: {runAsUser: 20001, runAsNonRoot: true}
              containers:
                - name: a
                  securityContext: {runAsUser: 0}
                - name: b
                  securityContext: {runAsUser: null}
            """;
        var containers = ManifestReader.Read("p.yaml", text).Containers().Select(c => c.Container).ToList();

        containers[0].Effective("runAsUser")!.Value.ToString().ShouldBe("0");
        containers[0].Effective("runAsNonRoot")!.Value.ToString().ShouldBe("true");
        containers[1].Effective("runAsUser")!.Value.ToString().ShouldBe("20001");
    }

    [Fact]
    public void Helm_template_is_read_best_effort()
    {
        // Given a chart template whose actions would not parse as YAML
        const string text = """
            {{- if .Values.enabled }}
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "app.fullname" . }}
            spec:
              template:
                spec:
                  hostNetwork: true
                  containers:
                    - name: app
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                      resources:
                        {{- toYaml .Values.resources | nindent 12 }}
            {{- end }}
            """;

        // When it is read
        var manifest = ManifestReader.Read("templates/deployment.yaml", text);

        // Then it is marked as templated and still yields the object, with the template's line numbers
        manifest.IsTemplated.ShouldBeTrue();
        var (resource, pod) = manifest.Workloads().Single();
        resource.Kind.ShouldBe("Deployment");
        pod.TrueField("hostNetwork")!.Key.Start.Line.ShouldBe(9);
    }

    [Fact]
    public void Unparseable_template_yields_no_objects_and_no_error()
    {
        const string text = "{{ if .Values.pod }}\nkind: Pod\napiVersion: v1\nspec: [\n{{ end }}\n";
        var manifest = ManifestReader.Read("t.yaml", text);
        manifest.IsTemplated.ShouldBeTrue();
        manifest.Resources.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("nginx", "nginx", null, null)]
    [InlineData("nginx:1.27", "nginx", "1.27", null)]
    [InlineData("registry:5000/team/app", "registry:5000/team/app", null, null)]
    [InlineData("registry:5000/team/app:2@sha256:abc", "registry:5000/team/app", "2", "sha256:abc")]
    [InlineData("app@sha256:abc", "app", null, "sha256:abc")]
    public void Image_references_split_into_parts(string image, string repository, string? tag, string? digest)
    {
        ImageReference.Parse(image).ShouldBe(new ImageReference(repository, tag, digest));
    }

    [Theory]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("dbPassword", true)]
    [InlineData("STRIPE_API_KEY", true)]
    [InlineData("client.secret", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("PASSWORD_FILE", false)]
    [InlineData("TOKEN_TTL", false)]
    [InlineData("PASSTHROUGH", false)]
    [InlineData("LOG_LEVEL", false)]
    [InlineData("KEYCLOAK_URL", false)]
    public void Secret_names_are_recognised_by_words(string name, bool secret)
    {
        SecretNames.IsSecretName(name).ShouldBe(secret);
    }

    [Theory]
    [InlineData("hunter2", true)]
    [InlineData("", false)]
    [InlineData("$(TOKEN)", false)]
    [InlineData("${TOKEN}", false)]
    [InlineData("$TOKEN", false)]
    [InlineData("<your-token>", false)]
    public void Literal_values_are_told_from_references(string value, bool literal)
    {
        SecretNames.IsLiteral(value).ShouldBe(literal);
    }
}
