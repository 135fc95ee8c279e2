namespace FgsActors.Cli;

/// <summary>A command-line argument is wrong; the message names the option, what was expected and what was found.</summary>
public sealed class UsageException(string message) : Exception(message);
