using System.Xml.Linq;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Contracts;

/// <summary>
/// protos/google holds copies of the googleapis files our protos import, so that buf and other
/// languages build offline. The C# types of those files come from the Google.Api.CommonProtos
/// package; the copies must be that very version's, or a client would see other definitions than
/// the gateway speaks.
/// </summary>
public sealed class VendoredProtosTests
{
    private const string Package = "Google.Api.CommonProtos";

    private static readonly string Vendored = Path.Combine(RulePresets.RepoRoot, "protos");

    [Fact]
    public void VendoredGoogleProtos_AreThePinnedPackagesFiles()
    {
        var shipped = Path.Combine(PackageFolder(), "content", "protos");
        var files = Directory.GetFiles(Path.Combine(Vendored, "google"), "*.proto", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var relative = Path.GetRelativePath(Vendored, file);
            var original = Path.Combine(shipped, relative);
            Assert.True(File.Exists(original), $"{relative} is not in {Package}; vendor only what the package ships");
            Assert.True(File.ReadAllBytes(original).AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{relative} differs from {original}: copy it again (protos/google/README.md)");
        });
    }

    /// <summary>The restored package, where NuGet keeps it: NUGET_PACKAGES, else ~/.nuget/packages.</summary>
    private static string PackageFolder()
    {
        var props = XDocument.Load(Path.Combine(RulePresets.RepoRoot, "Directory.Packages.props"));
        var version = props.Descendants("PackageVersion").Single(element => (string?)element.Attribute("Include") == Package).Attribute("Version")!.Value;
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(root, Package.ToLowerInvariant(), version);
    }
}
