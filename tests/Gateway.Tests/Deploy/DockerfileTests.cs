namespace Gateway.Tests.Deploy;

/// <summary>The Dockerfile: a build stage, a shared runtime with tzdata and ICU, non-root, and one target per image.</summary>
public sealed class DockerfileTests
{
    [Fact]
    public void Targets_ExistForEveryImage_AndRunTheirAssembly()
    {
        var dockerfile = Dockerfile.Read();
        Assert.Contains("dotnet/sdk", dockerfile.Stage("build").Base, StringComparison.Ordinal);
        Assert.Equal("[\"dotnet\", \"/app/Gateway.dll\"]", dockerfile.Stage(GatewayImage.Targets["reminder-gateway"]).EntryPoint);
        Assert.Equal("[\"dotnet\", \"/app/Gateway.Sandbox.dll\"]", dockerfile.Stage(GatewayImage.Targets["reminder-gateway-sandbox"]).EntryPoint);
        Assert.All(GatewayImage.Targets.Values, target => Assert.Equal("runtime", dockerfile.Stage(target).Base));
    }

    [Fact]
    public void Runtime_CarriesTzdataAndIcu_RunsAsNonRoot_AndIsNeverInvariant()
    {
        var text = RepositoryFiles.Read("Dockerfile");
        var runtime = text[text.IndexOf(" AS runtime", StringComparison.Ordinal)..text.IndexOf(" AS gateway", StringComparison.Ordinal)];
        Assert.Contains("tzdata", runtime, StringComparison.Ordinal);
        Assert.Contains("libicu", runtime, StringComparison.Ordinal);
        Assert.Contains($"USER {GatewayImage.User}:{GatewayImage.User}", runtime, StringComparison.Ordinal);
        Assert.Equal("false", Dockerfile.Read().EnvironmentOf("gateway")["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"]);
    }

    [Fact]
    public void GatewayTarget_ListensForGrpcOverHttp2_AndHealthOverHttp1_OnPortsApart()
    {
        var environment = Dockerfile.Read().EnvironmentOf("gateway");
        Assert.Equal("Http2", environment["Kestrel__Endpoints__Grpc__Protocols"]);
        Assert.Equal("Http1", environment["Kestrel__Endpoints__Http__Protocols"]);
        Assert.NotEqual(GatewayImage.Port("Grpc"), GatewayImage.Port("Http"));
        Assert.All(environment.Keys.Where(ConfigurationKeys.IsConfigurationKey), key => Assert.Null(ConfigurationKeys.Problem(key)));
    }

    [Fact]
    public void BuildContext_CopiesWhatThePublishNeeds_AndIgnoresBuildOutput()
    {
        var text = RepositoryFiles.Read("Dockerfile");
        Assert.All(new[] { "protos/", "deploy/rules/", "deploy/sandbox/", "src/", "Directory.Packages.props", "global.json" }, path => Assert.Contains(path, text, StringComparison.Ordinal));
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n').Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);
        Assert.All(new[] { "**/bin/", "**/obj/", "artifacts/", ".git/" }, path => Assert.Contains(path, ignored));
        Assert.DoesNotContain("src/", ignored);
        Assert.DoesNotContain("deploy/", ignored);
    }
}
