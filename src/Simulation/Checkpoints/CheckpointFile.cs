using System.Security.Cryptography;
using System.Text;
using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Checkpoints;

/// <summary>
/// The checkpoint file: a magic line and format version, the <see cref="CheckpointInfo"/>, the model's own state, the
/// partitions' sections (<see cref="PartitionSection"/>), and the SHA-256 of everything before it. It is written to a
/// temporary file, flushed to disk and renamed over the previous one, so a crash while writing leaves the previous
/// checkpoint intact; a truncated or altered file fails its hash and is refused, never half-read.
/// </summary>
public static class CheckpointFile
{
    public const string FileName = "checkpoint.fgsck";
    public const int FormatVersion = 1;
    private const int HashBytes = 32;
    private static readonly byte[] Magic = "FGSCKPT\n"u8.ToArray();

    /// <summary>Writes the checkpoint atomically to <paramref name="path"/>; the model's state is taken now.</summary>
    public static void Write(string path, CheckpointInfo info, ICheckpointableModel model, IReadOnlyList<byte[]> sections)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sections);
        var temporary = path + ".tmp";
        try
        {
            WriteTo(temporary, info, model, sections);
        }
        catch
        {
            // A half-written file (disk full, no rights) is removed; the previous checkpoint is untouched.
            TryDelete(temporary);
            throw;
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done about it; the write's own error is the one to report.
        }
    }

    private static void WriteTo(string temporary, CheckpointInfo info, ICheckpointableModel model, IReadOnlyList<byte[]> sections)
    {
        using var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(info.Fingerprint);
            writer.Write(info.Model);
            writer.Write(info.EntityCount);
            writer.Write(info.Windows);
            writer.Write(info.Progress);
            writer.Write(info.LastEventTime);
            writer.Write(info.Program);
            writer.Write(info.WrittenUtc.ToBinary());
            var modelState = StateBytes(model);
            writer.Write(modelState.Length);
            writer.Write(modelState);
            writer.Write(sections.Count);
            foreach (var section in sections)
            {
                writer.Write(section.Length);
                writer.Write(section);
            }
        }
        file.Flush();
        file.Position = 0;
        var hash = SHA256.HashData(file);
        file.Write(hash);
        file.Flush(flushToDisk: true);
    }

    /// <summary>Reads only the checkpoint's description (after checking its hash).</summary>
    public static CheckpointInfo ReadInfo(string path)
    {
        using var reader = OpenVerified(path);
        return ReadHeader(reader, path);
    }

    /// <summary>
    /// Reads and checks a checkpoint for <paramref name="model"/> under the configuration <paramref name="fingerprint"/>:
    /// a damaged file, another format, another model or another configuration throws <see cref="CheckpointFormatException"/>
    /// naming the file and what does not match.
    /// </summary>
    public static (CheckpointInfo Info, KernelSnapshot Snapshot) Read(string path, ICheckpointableModel model, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var reader = OpenVerified(path);
        var info = ReadHeader(reader, path);
        if (info.Fingerprint != fingerprint)
            throw new CheckpointFormatException($"checkpoint {path} was written for another configuration (fingerprint {Short(info.Fingerprint)}, this run's is {Short(fingerprint)}): resume with the run directory's own config.effective.conf");
        if (info.Model != model.Name || info.EntityCount != model.EntityCount)
            throw new CheckpointFormatException($"checkpoint {path} holds model '{info.Model}' with {info.EntityCount} entities, this run is '{model.Name}' with {model.EntityCount}");
        try
        {
            var modelState = reader.ReadBlock("the model's state");
            var count = reader.ReadCount("partition sections");
            var sections = new List<PartitionSection>(count);
            for (var i = 0; i < count; i++)
            {
                var bytes = reader.ReadBlock($"partition section {i}");
                using var sectionReader = new BinaryReader(new MemoryStream(bytes, writable: false));
                sections.Add(PartitionSection.Read(sectionReader, model.Payloads));
                if (sectionReader.BaseStream.Position != bytes.Length) throw new CheckpointFormatException($"partition section {i} has unread bytes");
            }
            return (info, new KernelSnapshot(model.EntityCount, sections, info.Windows, modelState));
        }
        catch (EndOfStreamException)
        {
            throw new CheckpointFormatException($"checkpoint {path} ends before its state does (written by another version?)");
        }
        catch (CheckpointFormatException e)
        {
            throw new CheckpointFormatException($"checkpoint {path}: {e.Message}");
        }
    }

    /// <summary>Restores the model's own state from a snapshot (before its partitions restore their entities).</summary>
    public static void RestoreModel(ICheckpointableModel model, KernelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshot);
        using var reader = new BinaryReader(new MemoryStream(snapshot.ModelState, writable: false));
        try
        {
            model.LoadState(reader);
        }
        catch (EndOfStreamException)
        {
            throw new CheckpointFormatException("the model's saved state is cut short");
        }
        if (reader.BaseStream.Position != snapshot.ModelState.Length)
            throw new CheckpointFormatException($"the model's saved state has {snapshot.ModelState.Length - reader.BaseStream.Position} unread bytes");
    }

    private static byte[] StateBytes(IStateful stateful)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true)) stateful.SaveState(writer);
        return buffer.ToArray();
    }

    // Opens the file and checks its length and hash before a single field is interpreted.
    private static BinaryReader OpenVerified(string path)
    {
        if (!File.Exists(path)) throw new CheckpointFormatException($"no checkpoint at {path}");
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var length = file.Length;
            if (length < Magic.Length + sizeof(int) + HashBytes)
                throw new CheckpointFormatException($"checkpoint {path} is truncated ({length} bytes)");
            var magic = new byte[Magic.Length];
            file.ReadExactly(magic);
            if (!magic.AsSpan().SequenceEqual(Magic)) throw new CheckpointFormatException($"{path} is not an fgs checkpoint");
            file.Position = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            var remaining = length - HashBytes;
            while (remaining > 0)
            {
                var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (read == 0) break;
                hash.AppendData(buffer, 0, read);
                remaining -= read;
            }
            var stored = new byte[HashBytes];
            file.ReadExactly(stored);
            if (!hash.GetHashAndReset().AsSpan().SequenceEqual(stored))
                throw new CheckpointFormatException($"checkpoint {path} is damaged (truncated or corrupted): its SHA-256 does not match its contents");
            file.Position = Magic.Length;
            return new BinaryReader(file, Encoding.UTF8, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static CheckpointInfo ReadHeader(BinaryReader reader, string path)
    {
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new CheckpointFormatException($"checkpoint {path} has format version {version}, this program reads {FormatVersion}");
        return new CheckpointInfo(reader.ReadString(), reader.ReadString(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(),
            reader.ReadString(), DateTime.FromBinary(reader.ReadInt64()));
    }

    private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;
}
