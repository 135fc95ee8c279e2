using System.Text;
using System.Text.Json;

namespace FgsActors.Cli;

/// <summary>Writes one indented JSON object to a text writer (the benchmarks' output format).</summary>
public static class JsonOutput
{
    public static void WriteObject(TextWriter output, Action<Utf8JsonWriter> writeMembers)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            writeMembers(json);
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
