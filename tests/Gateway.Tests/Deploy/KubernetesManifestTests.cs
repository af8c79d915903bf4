using System.Globalization;
using Gateway.Hosting;
using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Deploy;

/// <summary>
/// deploy/kubernetes, as each overlay renders (<c>kubectl kustomize</c>): the probes ask for what
/// the gateway serves on the port it serves it on, every setting names an options property,
/// secrets are referenced and never inlined in production, the grace period covers the drain,
/// and images, selectors and the scrape job agree with the Dockerfile and the alerts.
/// </summary>
public sealed class KubernetesManifestTests
{
    public static readonly TheoryData<string> Overlays = new() { "deploy/kubernetes/overlays/staging", "deploy/kubernetes/overlays/production" };

    private static YamlMappingNode Only(IReadOnlyList<YamlMappingNode> manifests, string kind, string? name = null) =>
        manifests.Single(manifest => manifest.Text("kind") == kind && (name is null || manifest.Text("metadata.name") == name));

    private static YamlNode GatewayContainer(IReadOnlyList<YamlMappingNode> manifests) =>
        Only(manifests, "Deployment").Items("spec.template.spec.containers").Single(container => container.Text("name") == "gateway");

    private static Dictionary<string, string> Settings(IReadOnlyList<YamlMappingNode> manifests) =>
        Only(manifests, "ConfigMap").Entries("data").ToDictionary(entry => entry.Key, entry => ((YamlScalarNode)entry.Value).Value ?? string.Empty, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Overlay_RendersEveryKindItNeeds(string overlay)
    {
        var manifests = await ExternalTool.KustomizeAsync(overlay);
        foreach (var kind in new[] { "ServiceAccount", "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "PrometheusRule" })
        {
            Assert.Single(manifests, manifest => manifest.Text("kind") == kind);
        }

        Assert.Equal(2, manifests.Count(manifest => manifest.Text("kind") == "Service"));
        Assert.All(manifests, manifest => Assert.StartsWith("reminder-gateway", manifest.Text("metadata.namespace"), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Probes_AskForLivezAndReadyz_OnThePortTheGatewayServesThemOn(string overlay)
    {
        var container = GatewayContainer(await ExternalTool.KustomizeAsync(overlay));
        var ports = container.Items("ports").ToDictionary(port => port.Text("name"), port => int.Parse(port.Text("containerPort"), CultureInfo.InvariantCulture));
        Assert.Equal(GatewayImage.Port("Grpc"), ports["grpc"]);
        Assert.Equal(GatewayImage.Port("Http"), ports["admin"]);

        foreach (var (probe, path) in new[] { ("startupProbe", HealthEndpoints.LivePath), ("livenessProbe", HealthEndpoints.LivePath), ("readinessProbe", HealthEndpoints.ReadyPath) })
        {
            Assert.Equal(path, container.Text($"{probe}.httpGet.path"));
            var port = container.Text($"{probe}.httpGet.port");
            var number = int.TryParse(port, out var literal) ? literal : ports[port];

            // Health is on the HTTP/1.1 listener: kubelet's httpGet speaks HTTP/1.1, which the gRPC listener refuses.
            Assert.Equal(GatewayImage.Port("Http"), number);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Services_KeepGrpcAndAdminApart_AndTargetNamedContainerPorts(string overlay)
    {
        var manifests = await ExternalTool.KustomizeAsync(overlay);
        Assert.Equal(["grpc"], Only(manifests, "Service", "reminder-gateway").Items("spec.ports").Select(port => port.Text("targetPort")));
        Assert.Equal(["admin"], Only(manifests, "Service", "reminder-gateway-admin").Items("spec.ports").Select(port => port.Text("targetPort")));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task TerminationGrace_CoversTheReadinessDelayAndTheDrain(string overlay)
    {
        var manifests = await ExternalTool.KustomizeAsync(overlay);
        var settings = Settings(manifests);
        var drain = new DrainOptions
        {
            ReadinessDelay = TimeSpan.Parse(settings["Gateway__Drain__ReadinessDelay"], CultureInfo.InvariantCulture),
            Timeout = TimeSpan.Parse(settings["Gateway__Drain__Timeout"], CultureInfo.InvariantCulture),
        };
        Assert.True(new DrainOptionsValidator().Validate(null, drain).Succeeded);
        var grace = TimeSpan.FromSeconds(int.Parse(Only(manifests, "Deployment").Text("spec.template.spec.terminationGracePeriodSeconds"), CultureInfo.InvariantCulture));
        Assert.True(grace > drain.ReadinessDelay + drain.Timeout, $"terminationGracePeriodSeconds {grace} does not cover {drain.ReadinessDelay} + {drain.Timeout}");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EverySetting_NamesAnOptionsProperty(string overlay)
    {
        var manifests = await ExternalTool.KustomizeAsync(overlay);
        var keys = Settings(manifests).Keys
            .Concat(Only(manifests, "Deployment").Items("spec.template.spec.containers").SelectMany(container => container.Items("env")).Select(env => env.Text("name")))
            .ToList();
        Assert.Contains("Gateway__RuleSetPath", keys);
        Assert.All(keys, key => Assert.True(ConfigurationKeys.IsConfigurationKey(key), $"{key} is not a configuration key"));
        Assert.Empty(keys.Select(ConfigurationKeys.Problem).OfType<string>());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task RulePreset_IsOneTheImageShips(string overlay)
    {
        var preset = Settings(await ExternalTool.KustomizeAsync(overlay))["Gateway__RuleSetPath"];
        Assert.StartsWith("rules/", preset, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryFiles.PathOf("deploy/" + preset)), $"{preset} is not in deploy/rules, which the image ships under rules/");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Secrets_AreReferenced_AndOnlyStagingGeneratesThem(string overlay)
    {
        var manifests = await ExternalTool.KustomizeAsync(overlay);
        var references = Only(manifests, "Deployment").Items("spec.template.spec.containers")
            .SelectMany(container => container.Items("env"))
            .Select(env => env.Find("valueFrom.secretKeyRef"))
            .OfType<YamlNode>()
            .ToList();
        Assert.Contains(references, reference => reference.Text("key") == "contact-hash-key");
        Assert.Contains(references, reference => reference.Text("key") == "store-connection-string");
        var secrets = manifests.Where(manifest => manifest.Text("kind") == "Secret").ToList();
        if (overlay.EndsWith("production", StringComparison.Ordinal))
        {
            Assert.Empty(secrets);
            Assert.All(references, reference => Assert.Equal("reminder-gateway-secrets", reference.Text("name")));
        }
        else
        {
            var secret = Assert.Single(secrets);
            var keys = secret.Entries("data").Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
            Assert.All(references, reference =>
            {
                Assert.Equal(secret.Text("metadata.name"), reference.Text("name"));
                Assert.Contains(reference.Text("key"), keys);
            });
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryContainer_RunsAsTheImagesUser_ReadOnly_WithoutPrivileges(string overlay)
    {
        var pod = Only(await ExternalTool.KustomizeAsync(overlay), "Deployment").At("spec.template.spec");
        Assert.Equal("true", pod.Text("securityContext.runAsNonRoot"));
        Assert.Equal(GatewayImage.User.ToString(CultureInfo.InvariantCulture), pod.Text("securityContext.runAsUser"));
        Assert.Equal("false", pod.Text("automountServiceAccountToken"));
        Assert.All(pod.Items("containers"), container =>
        {
            Assert.Equal("true", container.Text("securityContext.readOnlyRootFilesystem"));
            Assert.Equal("false", container.Text("securityContext.allowPrivilegeEscalation"));
            Assert.Equal(["ALL"], container.Items("securityContext.capabilities.drop").Select(item => ((YamlScalarNode)item).Value));
            Assert.Contains(container.Items("volumeMounts"), mount => mount.Text("mountPath") == "/tmp");
            Assert.NotNull(container.Find("resources.requests.memory"));
            Assert.NotNull(container.Find("resources.limits.memory"));
        });
        Assert.Equal(2, pod.Items("topologySpreadConstraints").Count());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Images_AreTheDockerfilesTargets(string overlay)
    {
        var manifests = await ExternalTool.KustomizeAsync(overlay);
        var containers = Only(manifests, "Deployment").Items("spec.template.spec.containers").ToList();
        var dockerfile = Dockerfile.Read();
        Assert.All(containers, container =>
        {
            var repository = GatewayImage.Repository(container.Text("image"));
            Assert.True(GatewayImage.Targets.ContainsKey(repository), $"{container.Text("image")} is no image the Dockerfile builds");
            Assert.NotNull(dockerfile.Stage(GatewayImage.Targets[repository]));
            Assert.Contains(':', container.Text("image"));
        });
        Assert.Equal("reminder-gateway", GatewayImage.Repository(GatewayContainer(manifests).Text("image")));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Selectors_MatchThePods_AndTheScrapeJobIsTheAlertsJob(string overlay)
    {
        var manifests = await ExternalTool.KustomizeAsync(overlay);
        var deployment = Only(manifests, "Deployment");
        var podLabels = deployment.Entries("spec.template.metadata.labels").ToDictionary(entry => entry.Key, entry => ((YamlScalarNode)entry.Value).Value);
        void AssertSelects(YamlNode selector, string what) =>
            Assert.All(selector.Entries("matchLabels"), label => Assert.True(podLabels.TryGetValue(label.Key, out var value) && value == ((YamlScalarNode)label.Value).Value, $"{what} selects {label.Key}, which the pods do not carry"));

        AssertSelects(deployment.At("spec.selector"), "the Deployment");
        AssertSelects(Only(manifests, "PodDisruptionBudget").At("spec.selector"), "the PodDisruptionBudget");
        AssertSelects(Only(manifests, "NetworkPolicy").At("spec.podSelector"), "the NetworkPolicy");
        foreach (var service in manifests.Where(manifest => manifest.Text("kind") == "Service"))
        {
            Assert.All(service.Entries("spec.selector"), label => Assert.Equal(podLabels[label.Key], ((YamlScalarNode)label.Value).Value));
        }

        var hpa = Only(manifests, "HorizontalPodAutoscaler");
        Assert.Equal(deployment.Text("metadata.name"), hpa.Text("spec.scaleTargetRef.name"));
        Assert.True(int.Parse(hpa.Text("spec.minReplicas"), CultureInfo.InvariantCulture) >= 2, "one replica leaves nothing serving while it drains");

        var monitor = Only(manifests, "ServiceMonitor");
        var admin = Only(manifests, "Service", "reminder-gateway-admin");
        var adminLabels = admin.Entries("metadata.labels").ToDictionary(entry => entry.Key, entry => ((YamlScalarNode)entry.Value).Value);
        Assert.All(monitor.Entries("spec.selector.matchLabels"), label => Assert.Equal(adminLabels[label.Key], ((YamlScalarNode)label.Value).Value));
        var endpoint = monitor.Items("spec.endpoints").Single();
        Assert.Equal("admin", endpoint.Text("port"));
        Assert.Equal("/metrics", endpoint.Text("path"));
        Assert.Equal("reminder-gateway", adminLabels[monitor.Text("spec.jobLabel")]);
        Assert.Contains("job=\"reminder-gateway\"", RepositoryFiles.Read("deploy/prometheus/alerts.rules.yml"), StringComparison.Ordinal);
    }
}
