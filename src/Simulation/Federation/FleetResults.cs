using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FgsActors.Models.Federated;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Federation;

/// <summary>One row of rounds.csv.</summary>
public sealed record RoundRow(
    int Round, double StartS, double? EndS, int Selected, int Completed,
    int DroppedChurn, int DroppedBattery, int DroppedDeadline, int DroppedMemory, int DroppedLink,
    double BytesUp, double BytesDown, double EnergyComputeJ, double EnergyCommJ, double EnergyIdleJ,
    int Aggregated, double? MeanStaleness, double? TestAccuracy = null, double? TestLoss = null, GeneratorFidelity? Fidelity = null)
{
    public int Dropped => DroppedChurn + DroppedBattery + DroppedDeadline + DroppedMemory + DroppedLink;
}

/// <summary>One row of devices.csv. Battery is null for mains-powered devices.</summary>
public sealed record DeviceRow(
    string Id, string Tier, int RoundsSelected, int RoundsCompleted, double EnergyJ, double? BatteryEndWh,
    double OnlineFraction, int Deaths, double EnergyComputeJ, double EnergyCommJ, double EnergyIdleJ);

/// <summary>
/// The tables and totals of a finished fleet run, read from the model's entities after the run (a local run: every
/// entity lives in this process). Per-round dropout reasons and energy come from the devices' participation records,
/// bytes from the aggregator. Energy in rounds.csv is what the round's participants spent on it (from invitation to the
/// end of their work); fleet-wide idle energy is in devices.csv and the totals.
/// </summary>
public sealed class FleetResults
{
    private FleetResults(IReadOnlyList<RoundRow> rounds, IReadOnlyList<DeviceRow> devices, double checkInBytes, long endTicks,
        IReadOnlyList<KeyValuePair<string, string>> memoryFitByTier)
    {
        MemoryFitByTier = memoryFitByTier;
        Rounds = rounds;
        Devices = devices;
        CheckInBytes = checkInBytes;
        EndTicks = endTicks;
    }

    public IReadOnlyList<RoundRow> Rounds { get; }
    public IReadOnlyList<DeviceRow> Devices { get; }

    /// <summary>Availability reports' bytes (uplink), not part of any round.</summary>
    public double CheckInBytes { get; }

    public long EndTicks { get; }

    /// <summary>
    /// Per tier of the fleet (ordinal order), whether the workload's training memory fits the tier's usable RAM and why,
    /// e.g. "memory: needs 0.78 MiB, tier microcontroller has 0.44 MiB usable". Devices vary around their tier's RAM, so
    /// a device's own verdict (a memory dropout) can differ.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> MemoryFitByTier { get; }

    /// <summary>Rounds that closed before the end.</summary>
    public int ClosedRounds => Rounds.Count(r => r.EndS is not null);

    /// <summary>
    /// Devices the aggregator counted as available over the run (online.csv): its view from the reports, not the truth.
    /// Not part of <see cref="Digest"/>, so that result hashes stay what they were before it existed.
    /// </summary>
    public IReadOnlyList<AvailabilityPoint> Online { get; init; } = [];

    /// <summary>Whether the run trained a generator: rounds.csv then carries the fidelity columns.</summary>
    public bool ReportsFidelity { get; init; }

    /// <summary>The generator's last measured fidelity; null when none was measured.</summary>
    public GeneratorFidelity? FinalFidelity => Rounds.LastOrDefault(r => r.Fidelity is not null)?.Fidelity;

    /// <summary>The lowest FID measured; null when none was measured.</summary>
    public double? BestFid => Rounds.Where(r => r.Fidelity is not null).Select(r => (double?)r.Fidelity!.Fid).Min();

    public double EnergyTotalJ => Devices.Sum(d => d.EnergyJ);
    public double BytesUpTotal => Rounds.Sum(r => r.BytesUp) + CheckInBytes;
    public double BytesDownTotal => Rounds.Sum(r => r.BytesDown);
    public long DropoutsTotal => Rounds.Sum(r => (long)r.Dropped);

    /// <summary>Mean duration of closed rounds, s (0 when none closed).</summary>
    public double MeanRoundS
    {
        get
        {
            var closed = Rounds.Where(r => r.EndS is not null).ToArray();
            return closed.Length == 0 ? 0 : closed.Average(r => r.EndS!.Value - r.StartS);
        }
    }

    /// <summary>Test accuracy after the last evaluated round; null without real training.</summary>
    public double? FinalAccuracy => Rounds.LastOrDefault(r => r.TestAccuracy is not null)?.TestAccuracy;

    /// <summary>Best test accuracy over evaluated rounds; null without real training.</summary>
    public double? BestAccuracy => Rounds.Where(r => r.TestAccuracy is not null).Select(r => r.TestAccuracy).Max();

    /// <summary>
    /// The first round whose evaluation reached <paramref name="target"/>: its number counted from 1, the virtual time
    /// it closed at, and the energy the fleet spent on rounds up to it (participants' compute, radio and idle-while-
    /// working energy, as rounds.csv counts it); null when no evaluation reached the target.
    /// </summary>
    public (int Rounds, double VirtualTimeS, double EnergyJ)? ToTarget(double target)
    {
        var energy = 0.0;
        foreach (var r in Rounds)
        {
            energy += r.EnergyComputeJ + r.EnergyCommJ + r.EnergyIdleJ;
            if (r.TestAccuracy >= target && r.EndS is { } end) return (r.Round + 1, end, energy);
        }
        return null;
    }

    /// <summary>Energy by tier, J, in ordinal tier order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> EnergyByTierJ =>
        Devices.GroupBy(d => d.Tier, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, double>(g.Key, g.Sum(d => d.EnergyJ)))
            .ToArray();

    /// <summary>
    /// Finishes every device's accounting at the end time — or at <paramref name="stoppedAt"/> for a run stopped early,
    /// no earlier than any event it processed — and gathers the tables. Call once, after the run.
    /// </summary>
    public static FleetResults Collect(FleetModel model, long? stoppedAt = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var aggregator = model.Aggregator ?? throw new InvalidOperationException("the fleet model was not run in this process");
        var end = stoppedAt is { } stop ? Math.Min(stop, model.EndTime) : model.EndTime;
        var endS = VirtualTime.ToSeconds(end);
        var perRound = new RoundTally[aggregator.Rounds.Count];
        var devices = new DeviceRow[model.Devices.Count];
        for (var i = 0; i < devices.Length; i++)
        {
            var device = model.Devices[i] ?? throw new InvalidOperationException($"device {i} was not created in this process");
            device.CloseAccounts(end);
            var completed = 0;
            foreach (var recorded in device.History)
            {
                // The aggregator decides completion (see AggregatorEntity.Accepted); the device's record gives the energy.
                var p = aggregator.Accepted(i, recorded.Round) ? recorded with { Outcome = ParticipationOutcome.Completed } : recorded;
                if (p.Outcome == ParticipationOutcome.Completed) completed++;
                if ((uint)p.Round < (uint)perRound.Length) perRound[p.Round].Add(p);
            }
            var profile = device.Profile;
            devices[i] = new DeviceRow(profile.Name, profile.Tier, device.Invitations, completed, device.EnergyJ,
                profile.IsMains ? null : device.BatteryWh, endS > 0 ? VirtualTime.ToSeconds(device.AvailableTicks) / endS : 0, device.Deaths,
                device.ComputeJ, device.CommJ, device.IdleJ);
        }
        var rounds = aggregator.Rounds.Select(r =>
        {
            var t = perRound[r.Round];
            return new RoundRow(r.Round, VirtualTime.ToSeconds(r.StartTicks), r.EndTicks is { } e ? VirtualTime.ToSeconds(e) : null,
                r.Selected, r.Completed, t.Churn, t.Battery, t.Deadline, t.Memory, t.Link, r.BytesUp, r.BytesDown,
                t.ComputeJ, t.CommJ, t.IdleJ, r.Aggregated, r.Aggregated == 0 ? null : r.StalenessSum / (double)r.Aggregated,
                r.TestAccuracy, r.TestLoss, r.Fidelity);
        }).ToArray();
        var footprint = model.Scenario.Workload.Footprint;
        var memory = devices.Select(d => d.Tier).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => new KeyValuePair<string, string>(t, footprint.Fits(model.Scenario.Tiers[t]).Reason))
            .ToArray();
        return new FleetResults(rounds, devices, aggregator.CheckInBytes, end, memory)
        {
            ReportsFidelity = model.Scenario.Learning?.Task.ReportsFidelity ?? false,
            Online = [.. aggregator.Online.Points],
        };
    }

    /// <summary>
    /// SHA-256 over every row of both tables and the check-in bytes, numbers in round-trip form: any difference in any
    /// figure changes it. Part of the run's result_hash.
    /// </summary>
    public string Digest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder(256);
        void Flush()
        {
            line.Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
            line.Clear();
        }
        foreach (var r in Rounds)
        {
            line.AppendJoin(',', r.Round, R(r.StartS), R(r.EndS), r.Selected, r.Completed, r.DroppedChurn, r.DroppedBattery,
                r.DroppedDeadline, r.DroppedMemory, r.DroppedLink, R(r.BytesUp), R(r.BytesDown), R(r.EnergyComputeJ),
                R(r.EnergyCommJ), R(r.EnergyIdleJ), r.Aggregated, R(r.MeanStaleness), R(r.TestAccuracy), R(r.TestLoss));
            // Generator fidelity joins the digest only where it exists, so classifier and systems runs keep their hashes.
            if (r.Fidelity is { } f)
                line.Append(',').AppendJoin(',', R(f.Fid), R(f.InceptionScore), R(f.Coverage), R(f.ConditionalAccuracy),
                    R(f.LocalFidMean), R(f.LocalFidMax), f.LocalDevices);
            Flush();
        }
        foreach (var d in Devices)
        {
            line.AppendJoin(',', d.Id, d.Tier, d.RoundsSelected, d.RoundsCompleted, R(d.EnergyJ), R(d.BatteryEndWh),
                R(d.OnlineFraction), d.Deaths, R(d.EnergyComputeJ), R(d.EnergyCommJ), R(d.EnergyIdleJ));
            Flush();
        }
        line.Append(R(CheckInBytes));
        Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string R(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private struct RoundTally
    {
        public int Churn, Battery, Deadline, Memory, Link;
        public double ComputeJ, CommJ, IdleJ;

        public void Add(Participation p)
        {
            switch (p.Outcome)
            {
                case ParticipationOutcome.Churn: Churn++; break;
                case ParticipationOutcome.Battery: Battery++; break;
                case ParticipationOutcome.Deadline: Deadline++; break;
                case ParticipationOutcome.Memory: Memory++; break;
                case ParticipationOutcome.Link: Link++; break;
            }
            ComputeJ += p.ComputeJ;
            CommJ += p.CommJ;
            IdleJ += p.IdleJ;
        }
    }
}
