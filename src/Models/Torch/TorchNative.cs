using System.Runtime.InteropServices;

namespace FgsActors.Models.Torch;

/// <summary>
/// Makes TorchSharp's native bridge load on Linux systems whose libstdc++ is older than the one it
/// was linked against (Debian 12: TorchSharp 0.107 asks for GLIBCXX_3.4.32, the system has 3.4.30).
/// Call <see cref="EnsureLoaded"/> before the first use of <c>TorchSharp.torch</c>; on systems that
/// already satisfy the library it does nothing, so they run the shipped file untouched.
/// See docs/torchsharp-native.md.
/// </summary>
public static class TorchNative
{
    public const string LibraryFileName = "libLibTorchSharp.so";

    private static readonly Lock Gate = new();
    private static TorchNativeResult? _result;

    /// <summary>
    /// Idempotent and thread-safe: the first successful call decides, later calls return its result.
    /// A failed call throws (naming the file and the step) and a later call tries again.
    /// </summary>
    public static TorchNativeResult EnsureLoaded()
    {
        lock (Gate)
        {
            return _result ??= Load();
        }
    }

    private static TorchNativeResult Load()
    {
        if (!OperatingSystem.IsLinux())
            return new TorchNativeResult(TorchNativeAction.NotLinux, null, null, null, []);

        var original = LocateShippedLibrary();
        if (original is null)
            return new TorchNativeResult(TorchNativeAction.LibraryNotFound, null, null, null, []);

        var systemNewest = SystemLibStdCxx.NewestProvided();
        var bytes = File.ReadAllBytes(original);
        if (ElfVersionNeedPatcher.MissingVersions(bytes, systemNewest, original).Count == 0)
            return new TorchNativeResult(TorchNativeAction.Untouched, original, null, systemNewest.Name, []);

        var hash = PatchedLibraryCache.HashOf(bytes);
        var retargets = ElfVersionNeedPatcher.Patch(bytes, systemNewest, original);
        var patched = PatchedLibraryCache.Store(hash, LibraryFileName, bytes,
            path => ElfVersionNeedPatcher.MissingVersions(File.ReadAllBytes(path), systemNewest, path).Count == 0);

        PreloadDependencies(original, bytes);
        var handle = LoadOrExplain(patched, $"the patched copy of {original}");
        RouteTorchSharpTo(handle);
        return new TorchNativeResult(TorchNativeAction.Patched, original, patched, systemNewest.Name, retargets);
    }

    /// <summary>Where the SDK puts the file: runtimes/linux-x64/native for portable builds, the app folder for RID-specific publishes.</summary>
    private static string? LocateShippedLibrary()
    {
        var baseDir = AppContext.BaseDirectory;
        string[] candidates =
        [
            Path.Combine(baseDir, "runtimes", "linux-x64", "native", LibraryFileName),
            Path.Combine(baseDir, LibraryFileName),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The copy's RUNPATH is <c>$ORIGIN</c>, which now means the cache folder, so libtorch.so and
    /// friends must be loaded from the original folder first; the dynamic linker then satisfies
    /// the copy's DT_NEEDED entries with them by soname.
    /// </summary>
    private static void PreloadDependencies(string original, byte[] patchedBytes)
    {
        var folder = Path.GetDirectoryName(original)!;
        foreach (var name in DynamicNeeded.ReadAll(ElfImage.Parse(patchedBytes, original)))
        {
            var sibling = Path.Combine(folder, name);
            if (File.Exists(sibling))
                LoadOrExplain(sibling, $"a dependency of {original}");
        }
    }

    /// <summary>
    /// TorchSharp's own probing (in the static constructor of <c>torch</c>) tries the shipped
    /// file first, fails, then asks for the bare name, which the dynamic linker answers with the
    /// already-loaded copy (same soname). The resolver additionally binds every
    /// <c>[DllImport("LibTorchSharp")]</c> straight to the copy, so no path depends on probing order.
    /// </summary>
    private static void RouteTorchSharpTo(IntPtr handle)
    {
        var torchSharp = typeof(TorchSharp.torch).Assembly;
        try
        {
            NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) =>
                IsLibTorchSharp(name) ? handle : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            // Someone else set a resolver for TorchSharp; the soname match above still applies.
        }
    }

    private static bool IsLibTorchSharp(string name) =>
        name is "LibTorchSharp" or "libLibTorchSharp" or LibraryFileName;

    private static IntPtr LoadOrExplain(string path, string role)
    {
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException($"Could not load {path} ({role}): {e.Message}", e);
        }
        catch (BadImageFormatException e)
        {
            throw new BadImageFormatException($"Could not load {path} ({role}): {e.Message}", e);
        }
    }
}
