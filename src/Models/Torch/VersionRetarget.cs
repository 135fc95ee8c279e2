namespace FgsActors.Models.Torch;

/// <summary>
/// One rewritten version requirement: the library asked for <see cref="From"/> and now asks for
/// <see cref="To"/>. <see cref="Symbols"/> lists the dynamic symbols bound to that requirement, so
/// the log shows what the patch trusts to be unused (for TorchSharp 0.107 only
/// <c>_ZSt21ios_base_library_initv</c>).
/// </summary>
public sealed record VersionRetarget(string From, string To, IReadOnlyList<string> Symbols)
{
    public override string ToString() =>
        $"{From} -> {To} (symbols: {(Symbols.Count == 0 ? "none" : string.Join(", ", Symbols))})";
}
