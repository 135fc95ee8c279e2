namespace FgsActors.Simulation.Federation;

/// <summary>The <see cref="Events.SimEvent.Kind"/> values of the fleet model; Data carries the round unless noted.</summary>
internal static class FleetEventKinds
{
    /// <summary>Device → aggregator availability report: Data 1 = available (online and alive), 0 = not.</summary>
    public const int CheckIn = 1;

    // Device → link → aggregator.
    /// <summary>The device takes part: payload <see cref="TransferRequest"/> for the broadcast (link → aggregator); payload <see cref="TransferIntent"/> on the first hop.</summary>
    public const int Accept = 2;
    /// <summary>The device starts uploading its update: payload <see cref="TransferRequest"/> (link → aggregator); payload <see cref="TransferIntent"/> on the first hop.</summary>
    public const int Upload = 3;

    // Aggregator → link → device.
    public const int Invite = 10;
    public const int DownloadDone = 11;
    public const int DownloadFailed = 12;
    public const int Ack = 13;
    public const int UploadFailed = 14;
    public const int Cancel = 15;

    // Device self-events.
    /// <summary>Churn transition due now.</summary>
    public const int Transition = 20;
    /// <summary>Battery empties now, if Data still equals the device's power epoch.</summary>
    public const int DeathCheck = 21;
    public const int Recharged = 22;
    /// <summary>Local training ends, if Data still equals the device's work token.</summary>
    public const int TrainingDone = 24;

    // Aggregator self-events.
    public const int RoundStart = 30;
    public const int Deadline = 31;
    /// <summary>Next completion or abort in an access channel; Data = channel (0 down, 1 up).</summary>
    public const int AccessEvent = 32;
    /// <summary>A transfer's retransmission delays have passed; Data = channel, payload <see cref="RetryWait"/>.</summary>
    public const int TransferFinished = 33;
    /// <summary>Async: a participant's timeout; Data = device index, payload = its token.</summary>
    public const int Timeout = 34;
    /// <summary>Async: try again to fill empty participant slots.</summary>
    public const int Refill = 35;
}
