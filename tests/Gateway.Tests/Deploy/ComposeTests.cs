using System.Globalization;
using System.Text.RegularExpressions;
using Gateway.Hosting;
using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Deploy;

/// <summary>
/// deploy/compose: two gateways on one Redis with AOF, the sandbox, Prometheus with the rules and
/// Grafana with the dashboard; every setting names an options property, every file it mounts
/// exists, and Prometheus scrapes the ports the gateways' admin listeners are on.
/// </summary>
public sealed partial class ComposeTests
{
    private const string Folder = "deploy/compose";

    private static readonly YamlMappingNode Compose = Yaml.Document(RepositoryFiles.Read($"{Folder}/compose.yaml"));

    private static IEnumerable<(string Name, YamlNode Service)> Services => Compose.Entries("services");

    private static YamlNode Service(string name) => Compose.At($"services.{name}");

    private static IReadOnlyList<string> Gateways => Services.Where(service => service.Service.Find("build.target") is YamlScalarNode { Value: "gateway" }).Select(service => service.Name).ToList();

    [Fact]
    public void Stack_HasTwoGatewaysRedisTheSandboxPrometheusAndGrafana()
    {
        Assert.Equal(["gateway-1", "gateway-2"], Gateways);
        Assert.All(new[] { "redis", "sandbox", "prometheus", "grafana" }, name => Assert.NotNull(Compose.Find($"services.{name}")));
        var redis = Service("redis").Items("command").Select(item => ((YamlScalarNode)item).Value).ToList();
        Assert.Equal("yes", redis[redis.IndexOf("--appendonly") + 1]);
    }

    [Fact]
    public void Images_AreTheDockerfilesTargets()
    {
        var dockerfile = Dockerfile.Read();
        foreach (var (name, service) in Services.Where(service => service.Service.Find("build") is not null))
        {
            var repository = GatewayImage.Repository(service.Text("image"));
            Assert.True(GatewayImage.Targets.TryGetValue(repository, out var target), $"{name}: {service.Text("image")} is no image the Dockerfile builds");
            Assert.Equal(target, service.Text("build.target"));
            Assert.NotNull(dockerfile.Stage(target));
            Assert.Equal("Dockerfile", service.Text("build.dockerfile"));
            Assert.True(File.Exists(Path.Combine(RepositoryFiles.PathOf(Folder), service.Text("build.context"), "Dockerfile")));
        }
    }

    [Fact]
    public void EverySetting_NamesAnOptionsProperty()
    {
        var keys = Services.SelectMany(service => service.Service.Entries("environment")).Select(entry => entry.Key).Where(ConfigurationKeys.IsConfigurationKey).ToList();
        Assert.Contains("Gateway__Store__ConnectionString", keys);
        Assert.Empty(keys.Select(ConfigurationKeys.Problem).OfType<string>());
    }

    [Fact]
    public void Prometheus_ScrapesEachGatewaysAdminPort_AndTheHealthcheckAsksReadyz()
    {
        var scrape = Yaml.Document(RepositoryFiles.Read($"{Folder}/prometheus.yml")).Items("scrape_configs").Single(job => job.Text("job_name") == "reminder-gateway");
        var targets = scrape.Items("static_configs").ToDictionary(config => config.Text("labels.instance"), config => config.Text("targets.0"));
        foreach (var gateway in Gateways)
        {
            var service = Service(gateway);
            var adminPort = Port(service.Text("environment.Kestrel__Endpoints__Http__Url"));
            Assert.Equal($"sandbox:{adminPort}", targets[gateway]);
            Assert.Equal(adminPort.ToString(CultureInfo.InvariantCulture), service.Text("environment.ADMIN_PORT"));
            Assert.Contains(HealthEndpoints.ReadyPath, string.Join(' ', service.Items("healthcheck.test").Select(item => ((YamlScalarNode)item).Value)), StringComparison.Ordinal);
            Assert.Contains(Service("sandbox").Items("ports"), port => ((YamlScalarNode)port).Value == $"127.0.0.1:{adminPort}:{adminPort}");
        }
    }

    [Fact]
    public void StopGrace_CoversTheDrain()
    {
        foreach (var gateway in Gateways)
        {
            var service = Service(gateway);
            var drain = TimeSpan.Parse(service.Text("environment.Gateway__Drain__ReadinessDelay"), CultureInfo.InvariantCulture)
                + TimeSpan.Parse(service.Text("environment.Gateway__Drain__Timeout"), CultureInfo.InvariantCulture);
            var grace = TimeSpan.FromSeconds(int.Parse(service.Text("stop_grace_period").TrimEnd('s'), CultureInfo.InvariantCulture));
            Assert.True(grace > drain, $"{gateway}: stop_grace_period {grace} does not cover {drain}");
            Assert.Equal("true", service.Text("read_only"));
        }
    }

    [Fact]
    public void EveryMountedFile_Exists_AndPortsAreOnLoopbackOnly()
    {
        foreach (var (name, service) in Services)
        {
            foreach (var volume in service.Items("volumes").Select(item => ((YamlScalarNode)item).Value!))
            {
                var source = volume.Split(':')[0];
                if (source.StartsWith('.'))
                {
                    var path = Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf(Folder), source));
                    Assert.True(File.Exists(path) || Directory.Exists(path), $"{name} mounts {source}, which does not exist");
                }
            }

            Assert.All(service.Items("ports"), port => Assert.StartsWith("127.0.0.1:", ((YamlScalarNode)port).Value, StringComparison.Ordinal));
        }

        Assert.Contains(Service("prometheus").Items("volumes"), volume => ((YamlScalarNode)volume).Value!.StartsWith("../prometheus/alerts.rules.yml:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prometheus_LoadsTheRulesWhereTheVolumesMountThem()
    {
        // The container's files laid out under a temporary root as compose mounts them, then
        // checked by promtool, which follows rule_files from prometheus.yml.
        var root = Directory.CreateTempSubdirectory("compose-prometheus-").FullName;
        try
        {
            foreach (var volume in Service("prometheus").Items("volumes").Select(item => ((YamlScalarNode)item).Value!.Split(':')))
            {
                var source = Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf(Folder), volume[0]));
                if (File.Exists(source))
                {
                    var target = root + volume[1];
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    var text = await File.ReadAllTextAsync(source);
                    await File.WriteAllTextAsync(target, text.Replace(" /etc/prometheus/", " " + root + "/etc/prometheus/", StringComparison.Ordinal));
                }
            }

            var (exitCode, output, error) = await ExternalTool.RunAsync("promtool", ["check", "config", root + "/etc/prometheus/prometheus.yml"]);
            Assert.True(exitCode == 0, output + error);
            Assert.Contains("2 rule files found", output + error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int Port(string url) => int.Parse(PortPattern().Match(url).Groups["port"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@":(?<port>\d+)/?$")]
    private static partial Regex PortPattern();
}
