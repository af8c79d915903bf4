namespace Gateway.Store;

/// <summary>The outcome of recording a decision.</summary>
internal enum RecordStatus
{
    Recorded,
    Duplicate,
    Conflict,
}
