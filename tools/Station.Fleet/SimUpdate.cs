using System;
using Station.Core;
using Station.Core.Cloud;
using Station.Core.Update;
using Station.Hal;

namespace Station.Fleet
{
    /// <summary>A fleet station's update side: the real portable <see cref="UpdateAgent"/> over the station's storage,
    /// stepped after every control tick through the board's <see cref="UpdateSupervisor"/> (on the board: its low-priority
    /// worker), the real restart check, probation from the controller's and the link's own state, and the board's loader
    /// (<see cref="ImageBoot"/>: count the boot, choose, check the slot again, load its assemblies) with a simulated
    /// assembly loader.
    /// An image whose manifest lists <see cref="CrashingAssembly"/> stands for firmware that crashes at start: every
    /// boot of it resets at once, so the loader's boot count (not the driver) has to bring the station back.</summary>
    public sealed class SimUpdate
    {
        /// <summary>An assembly name that makes the simulated image crash at every start.</summary>
        public const string CrashingAssembly = "Station.Crash.pe";

        /// <summary>The board name the fleet's stations report.</summary>
        public const string Board = "sim-fleet";

        readonly IStorage _storage;
        readonly byte[] _releaseKey;
        readonly Func<bool> _swapInHand;
        readonly long _probationMs, _cloudDeadlineMs;
        StationController _controller;
        CloudLink _link;
        UpdateSupervisor _supervisor;

        /// <summary>The running agent (a new one after every restart).</summary>
        public UpdateAgent Agent { get; private set; }

        /// <summary>Restarts the station took (every boot, crashed ones included).</summary>
        public int Boots { get; private set; }

        /// <summary>Restarts taken while a swap was in hand (a restart that would have interrupted work).</summary>
        public int SwapsInterrupted { get; private set; }

        /// <summary>The slot the loader last booted (<see cref="BootRecord.Factory"/> at first).</summary>
        public int BootedSlot { get; private set; } = BootRecord.Factory;

        /// <summary>An update side over <paramref name="storage"/>; <paramref name="swapInHand"/> comes from the plant
        /// (checked at each restart, independently of the agent's own restart check).</summary>
        public SimUpdate(IStorage storage, byte[] releaseKey, Func<bool> swapInHand, long probationMs, long cloudDeadlineMs)
        {
            _storage = storage;
            _releaseKey = releaseKey;
            _swapInHand = swapInHand;
            _probationMs = probationMs;
            _cloudDeadlineMs = cloudDeadlineMs;
        }

        /// <summary>At every start, once the station's controller and cloud link exist: a new agent from its stored
        /// record, checked against <paramref name="controller"/>, reachable through <paramref name="link"/>.</summary>
        public void Attach(StationController controller, CloudLink link)
        {
            _controller = controller;
            _link = link;
            var check = new StationRestartCheck(controller);
            Agent = new UpdateAgent(_storage, _releaseKey, Board, check);
            Agent.Start();
            _supervisor = new UpdateSupervisor(Agent, check, _probationMs, _cloudDeadlineMs, 16);
            link.Update = Agent;
        }

        /// <summary>After a control tick: one background pass (slice, probation); true when the station must restart now.</summary>
        public bool Step(long nowMs, bool outboxDurable)
        {
            bool restart = _supervisor.Pass(nowMs, outboxDurable, true, _controller.LatchedFault != FaultCode.None, _link.Online);
            if (restart && _swapInHand()) SwapsInterrupted++;
            return restart;
        }

        /// <summary>The board's loader at a restart: count the boot, choose, check the image again and load it; a
        /// crashing image resets at once (each such start counted), until an image starts.</summary>
        public void Boot()
        {
            var loader = new SimImageLoader();
            ResetReason why = ResetReason.Software;
            while (true)
            {
                Boots++;
                loader.LoadedCrashing = false;
                BootedSlot = new ImageBoot(_storage, _releaseKey, Board, loader).Start(why);
                if (BootedSlot < 0 || !loader.LoadedCrashing) break;
                why = ResetReason.Unknown;
            }
        }

        /// <summary>"Loads" an image's assemblies; one named <see cref="CrashingAssembly"/> makes the start crash.</summary>
        sealed class SimImageLoader : IImageLoader
        {
            public bool LoadedCrashing;

            public bool Load(string name, byte[] image)
            {
                if (name == CrashingAssembly) LoadedCrashing = true;
                return true;
            }
        }
    }
}
