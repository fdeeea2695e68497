using System;
using System.Threading;
using nanoFramework.Runtime.Native;
using Station.Core;
using Station.Core.Cloud;
using Station.Core.Journal;
using Station.Core.Update;
using Station.Hal;

namespace Station.Device
{
    /// <summary>The board's update agent: the portable <see cref="UpdateAgent"/> over the image store on the SD card
    /// (beside the running image, which lives in the board's deployment flash and is never written), stepped by the
    /// portable <see cref="UpdateSupervisor"/> on a worker thread at the lowest priority, and the restart it asks for.</summary>
    /// <remarks>
    /// Threads. The verification's slices (8 ladder bits, or one 512-byte hash block) run on this thread: the control
    /// loop (Highest) and the watchdog's supervisor (AboveNormal) always preempt it, so a verification of tens of
    /// seconds on the interpreter never delays a tick. The cloud thread's calls into the agent wait at most one slice
    /// (the agent's lock). The restart: every output off, a "software" intent in the reset journal (so the next start
    /// is not taken for a watchdog reset), then <c>Power.RebootDevice</c>; the loader counts that start.
    /// </remarks>
    internal sealed class DeviceUpdate
    {
        const int LadderBits = 8, PauseMs = 20;

        private readonly UpdateSupervisor _supervisor;
        private readonly StationController _controller;
        private readonly WiredBoard _board;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly bool _selfChecksPassed;
        private CloudLink _link;

        private DeviceUpdate(UpdateSupervisor supervisor, StationController controller, WiredBoard board, IClock clock, ILog log, bool selfChecksPassed)
        {
            _supervisor = supervisor;
            _controller = controller;
            _board = board;
            _clock = clock;
            _log = log;
            _selfChecksPassed = selfChecksPassed;
        }

        /// <summary>The agent (the cloud link's <c>Update</c>).</summary>
        public UpdateAgent Agent { get { return _supervisor.Agent; } }

        /// <summary>Creates the agent over <paramref name="images"/> (null: the card did not mount) with the release key
        /// provisioned in <paramref name="station"/>, and starts its worker; null (the reason logged, update commands are
        /// refused) when either is missing. <paramref name="selfChecksPassed"/>: the controller started cleanly.</summary>
        public static DeviceUpdate Start(IStorage images, IStorage station, string boardName, StationController controller,
            WiredBoard board, IClock clock, ILog log, bool selfChecksPassed)
        {
            if (images == null)
            {
                log.Write(LogLevel.Warning, "update agent not started: no SD card for the image store");
                return null;
            }
            string[] why = new string[1];
            byte[] key = ReleaseKeyFile.Load(station, why);
            if (key == null)
            {
                log.Write(LogLevel.Warning, "update agent not started: " + why[0]);
                return null;
            }
            try
            {
                var check = new StationRestartCheck(controller);
                var agent = new UpdateAgent(images, key, boardName, check);
                agent.Start();
                var update = new DeviceUpdate(new UpdateSupervisor(agent, check,
                    controller.Config.ProbationS * 1000L, controller.Config.CloudDeadlineS * 1000L, LadderBits),
                    controller, board, clock, log, selfChecksPassed);
                log.Write(LogLevel.Info, "update agent: " + agent.UpdateStatus + (update._supervisor.OnProbation ? " (this image is on probation)" : ""));
                var worker = new Thread(update.Run);
                worker.Priority = ThreadPriority.Lowest;
                worker.Start();
                return update;
            }
            catch (Exception e)
            {
                log.Write(LogLevel.Error, "update agent not started: " + e.Message);
                return null;
            }
        }

        /// <summary>Points the cloud link at the agent (offers, chunks, status) and lets probation see it online.</summary>
        public void Attach(CloudLink link)
        {
            _link = link;
            link.Update = Agent;
        }

        private void Run()
        {
            while (true)
            {
                bool restart;
                try
                {
                    CloudLink link = _link;
                    bool online = link != null && link.Online;
                    bool durable = link == null || !link.Outbox.MediumFailed;
                    restart = _supervisor.Pass(_clock.NowMs, durable, _selfChecksPassed, _controller.LatchedFault != FaultCode.None, online);
                }
                catch (Exception e)
                {
                    // A storage failure in a slice: the agent's stored state is the truth; try again later.
                    _log.Write(LogLevel.Error, "update agent: " + e.Message);
                    Thread.Sleep(5000);
                    continue;
                }
                if (restart) Restart();
                Thread.Sleep(PauseMs);
            }
        }

        private void Restart()
        {
            _log.Write(LogLevel.Warning, "update: restarting (" + Agent.UpdateStatus + ")");
            _board.Restart(ResetReason.Software);
        }
    }
}
