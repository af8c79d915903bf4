namespace Gateway.Store;

/// <summary>What recording a decision does to its idempotency key.</summary>
internal enum IdempotencyMode
{
    /// <summary>The decision never reserved: the key is untouched.</summary>
    None,

    /// <summary>A final decision: the key answers with it from now on.</summary>
    Bind,

    /// <summary>Not final (deferred, or a guardrail could not decide): the key is released so a retry is decided afresh.</summary>
    Unbind,
}
