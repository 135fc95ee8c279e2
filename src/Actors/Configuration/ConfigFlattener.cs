using Akka.Configuration;
using Akka.Configuration.Hocon;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Actors.Configuration;

/// <summary>Turns a resolved Akka.NET <see cref="Config"/> into the library-free <see cref="ConfigTree"/>.</summary>
internal static class ConfigFlattener
{
    public static ConfigTree Flatten(Config config, OriginIndex origins)
    {
        var leaves = new List<ConfigEntry>();
        var emptyObjects = new List<string>();
        Walk(config.Root, "");
        return new ConfigTree(leaves, emptyObjects);

        void Walk(HoconValue value, string path)
        {
            if (value.IsObject())
            {
                var items = value.GetObject().Items;
                if (items.Count == 0 && path.Length > 0) emptyObjects.Add(path);
                foreach (var (key, child) in items) Walk(child, path.Length == 0 ? key : path + "." + key);
            }
            else if (value.IsArray())
            {
                leaves.Add(new ConfigEntry(path, null, value.GetArray().Select(e => Element(e, path, origins)).ToList(), origins.Of(path)));
            }
            else
            {
                leaves.Add(new ConfigEntry(path, value.GetString(), null, origins.Of(path)));
            }
        }
    }

    // Akka.NET 1.5 misreads lists of objects ([{x = 1}, {y = 2}] comes back as two empty values), so they
    // are refused rather than passed on wrong.
    private static string Element(HoconValue element, string path, OriginIndex origins)
    {
        if (!element.IsObject() && !element.IsArray()) return element.GetString();
        var origin = origins.Of(path);
        const string expected = "a list of plain values (lists of objects or of lists are not supported)";
        throw new ConfigException($"config key '{path}' in {origin}: expected {expected}", path, expected, "a nested object or list", origin);
    }
}
