namespace FgsActors.Actors.Configuration;

/// <summary>
/// config/reference.conf, built into this assembly (an EmbeddedResource in the .csproj) so that every key
/// has its documented default whichever directory <c>fgs</c> runs from.
/// </summary>
internal static class EmbeddedReference
{
    public const string Name = "reference.conf";

    private static readonly Lazy<string> Text = new(Read);

    /// <summary>The reference as the lowest configuration layer; its keys report the origin "reference.conf".</summary>
    public static HoconSource Source() => HoconSource.FromText(Text.Value, Name, Name, showLines: true);

    private static string Read()
    {
        using var stream = typeof(EmbeddedReference).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"the built-in {Name} is missing from {typeof(EmbeddedReference).Assembly.GetName().Name}; it is an EmbeddedResource of the .csproj");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
