using Akka.Configuration;
using Akka.Dispatch;

namespace FgsActors.Actors.Kernel.Dispatch;

/// <summary>
/// Runs an actor's mailbox on the thread that sent it the message, before <c>Tell</c> returns.
/// Entity actors use it so that a partition scheduler, which owns their order of execution, can deliver
/// an event to an entity actor and continue with the next one without a thread hop or a reply message.
/// Each entity is still a full actor (own mailbox, path, supervision); only the executor is the caller.
/// </summary>
public sealed class InlineDispatcher(MessageDispatcherConfigurator configurator) : MessageDispatcher(configurator)
{
    protected override void ExecuteTask(IRunnable run) => run.Run();

    protected override void Shutdown()
    {
        // Nothing to stop: there are no threads of its own.
    }
}

/// <summary>Akka configurator for <see cref="InlineDispatcher"/> (named in HOCON by its type).</summary>
public sealed class InlineDispatcherConfigurator : MessageDispatcherConfigurator
{
    private readonly InlineDispatcher _dispatcher;

    public InlineDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites) : base(config, prerequisites) =>
        _dispatcher = new InlineDispatcher(this);

    public override MessageDispatcher Dispatcher() => _dispatcher;
}
