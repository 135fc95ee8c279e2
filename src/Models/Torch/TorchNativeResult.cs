namespace FgsActors.Models.Torch;

/// <summary>What <see cref="TorchNative.EnsureLoaded"/> did.</summary>
public enum TorchNativeAction
{
    /// <summary>Not Linux: TorchSharp's own loader is used as shipped.</summary>
    NotLinux,

    /// <summary>libLibTorchSharp.so was not next to the app; TorchSharp's own loader decides.</summary>
    LibraryNotFound,

    /// <summary>The system libstdc++ satisfies every version the library needs: nothing touched.</summary>
    Untouched,

    /// <summary>A patched copy from the cache was loaded in place of the shipped library.</summary>
    Patched,
}

/// <summary>
/// Outcome of <see cref="TorchNative.EnsureLoaded"/>. <see cref="LoadedPath"/> is the patched copy
/// (only for <see cref="TorchNativeAction.Patched"/>); <see cref="Retargets"/> lists the rewritten
/// version requirements.
/// </summary>
public sealed record TorchNativeResult(
    TorchNativeAction Action,
    string? OriginalPath,
    string? LoadedPath,
    string? SystemNewest,
    IReadOnlyList<VersionRetarget> Retargets)
{
    public override string ToString() => Action switch
    {
        TorchNativeAction.Patched =>
            $"TorchSharp native: loaded patched copy {LoadedPath} of {OriginalPath} (system libstdc++ newest {SystemNewest}; {string.Join("; ", Retargets)})",
        TorchNativeAction.Untouched =>
            $"TorchSharp native: {OriginalPath} works with the system libstdc++ (newest {SystemNewest}); untouched",
        _ => $"TorchSharp native: {Action}",
    };
}
