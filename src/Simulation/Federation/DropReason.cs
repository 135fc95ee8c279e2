namespace FgsActors.Simulation.Federation;

/// <summary>How a device's part in a round ended. Everything but <see cref="Completed"/> is a dropout.</summary>
public enum ParticipationOutcome : byte
{
    Completed,
    /// <summary>Offline (churn) when invited, or went offline while downloading, training or uploading.</summary>
    Churn,
    /// <summary>Battery empty when invited, or emptied during the work.</summary>
    Battery,
    /// <summary>Cancelled by the aggregator: past the deadline, or not among the first K′ (or an async timeout).</summary>
    Deadline,
    /// <summary>The workload's training memory exceeds the device's usable RAM.</summary>
    Memory,
    /// <summary>A transfer failed: a packet was lost more than the retry limit allows.</summary>
    Link,
}

/// <summary>One device's part in one round, with the energy it spent on it (J) from invitation to the end of its work.</summary>
public readonly record struct Participation(int Round, ParticipationOutcome Outcome, double ComputeJ, double CommJ, double IdleJ);
