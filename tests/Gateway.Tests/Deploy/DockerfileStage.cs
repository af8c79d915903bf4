namespace Gateway.Tests.Deploy;

/// <summary>One <c>FROM … AS name</c> stage of the Dockerfile.</summary>
internal sealed class DockerfileStage(string name, string baseImage)
{
    public string Name { get; } = name;

    /// <summary>The image or earlier stage it starts from.</summary>
    public string Base { get; } = baseImage;

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string? EntryPoint { get; set; }
}
