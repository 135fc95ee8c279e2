namespace FgsActors.Models.Checkpoints;

/// <summary>A checkpoint (or a part of one) cannot be read: truncated, corrupted, or written for another run.</summary>
public sealed class CheckpointFormatException(string message) : Exception(message);
