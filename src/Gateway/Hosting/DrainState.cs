namespace Gateway.Hosting;

/// <summary>Whether this instance has been asked to stop. Set once; readiness reads it.</summary>
internal sealed class DrainState
{
    private volatile bool _draining;

    public bool IsDraining => _draining;

    public void Begin() => _draining = true;
}
