using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FgsActors.Simulation.Checkpoints;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// The run directory that <c>fgs run --resume</c> continues: its own config.effective.conf (the configuration the
/// checkpoint was written for) and its checkpoint. Everything is checked before anything in the directory changes.
/// </summary>
public sealed class ResumedRun
{
    public const string EffectiveConfigFile = "config.effective.conf";

    private ResumedRun(string dir, string scenario)
    {
        Dir = dir;
        Scenario = scenario;
    }

    public string Dir { get; }

    public string ConfigPath => Path.Combine(Dir, EffectiveConfigFile);

    public string CheckpointPath => CheckpointPathIn(Dir);

    /// <summary>The scenario the run was started from (as its summary names it), else the effective configuration.</summary>
    public string Scenario { get; }

    /// <summary>The configuration's fingerprint, which the checkpoint must carry.</summary>
    public string Fingerprint => FingerprintOf(File.ReadAllText(ConfigPath));

    public static string CheckpointPathIn(string dir) => Path.Combine(dir, CheckpointFile.FileName);

    /// <summary>SHA-256 (hex) of the effective configuration's text: a checkpoint resumes only under the same one.</summary>
    public static string FingerprintOf(string effectiveConfig) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(effectiveConfig)));

    public static ResumedRun Open(string dir)
    {
        if (!Directory.Exists(dir)) throw new UsageException($"--resume: '{dir}' is not a directory; expected the directory of an interrupted fgs run");
        if (!File.Exists(Path.Combine(dir, EffectiveConfigFile)))
            throw new UsageException($"--resume: '{dir}' has no {EffectiveConfigFile}; expected the directory of an fgs run");
        var summaryPath = Path.Combine(dir, RunDirectory.SummaryFile);
        var scenario = Path.Combine(dir, EffectiveConfigFile);
        if (File.Exists(summaryPath))
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            var root = summary.RootElement;
            if (root.TryGetProperty("complete", out var complete) && complete.ValueKind == JsonValueKind.True)
                throw new UsageException($"--resume: the run in '{dir}' is complete ({RunDirectory.SummaryFile} says so); there is nothing to resume");
            if (root.TryGetProperty("scenario", out var named) && named.GetString() is { Length: > 0 } original) scenario = original;
        }
        if (!File.Exists(CheckpointPathIn(dir)))
            throw new UsageException($"--resume: '{dir}' has no checkpoint ({CheckpointFile.FileName}): the run ended before its first one "
                + "(see fgs.output.checkpoint-every-rounds), or its model cannot be checkpointed");
        return new ResumedRun(dir, scenario);
    }
}
