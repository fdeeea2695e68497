using System;
using System.Threading;
using Station.Core;
using Station.Core.Can;
using Station.Core.Cloud;
using Station.Core.Console;
using Station.Hal;

namespace Station.Device
{
    /// <summary>The fixed-period control loop: expander inputs in, one core tick, expander outputs out, then sleep to
    /// the next period. Runs on its own thread at the highest priority.</summary>
    /// <remarks>
    /// Periods are kept on an absolute schedule (no drift). When a tick overruns, the loop does not try to catch up
    /// with a burst of ticks: the core's deadlines come from the clock, not from tick counts. An exception in the core's
    /// tick is contained by StationController (outputs off, ControlException latched, the loop goes on serving console and
    /// cloud). One from the board's own I/O (expander refresh or flush) turns every output off and the loop goes on; when
    /// even that fails the watchdog is no longer fed and restarts the board (outputs at their reset level, off).
    /// </remarks>
    public sealed class ControlLoop
    {
        private readonly StationController _controller;
        private readonly WiredBoard _board;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly int _periodMs;
        private int _overruns;
        private bool _led;

        /// <summary>The cloud link, ticked in every period after the console, or null when the station runs offline. On
        /// this thread because the outbox is fed from it (swap and fault events, console audit); its tick never blocks
        /// (see DeviceCloud). An exception from it stops the cloud link only, never the station.</summary>
        public CloudLink Cloud;

        /// <summary>Prepares the loop; <see cref="Run"/> starts it.</summary>
        public ControlLoop(StationController controller, WiredBoard board, IClock clock, ILog log, int periodMs)
        {
            _controller = controller;
            _board = board;
            _clock = clock;
            _log = log;
            _periodMs = periodMs;
        }

        /// <summary>The technician console, polled in every period right after the core's tick (same thread, so a
        /// console command and the sequencer never run at once), or null for none.</summary>
        public StationConsole TechnicianConsole { get; set; }

        /// <summary>Ticks missed because one took longer than the period.</summary>
        public int Overruns { get { return _overruns; } }

        void TickCloud()
        {
            try
            {
                Cloud.Tick();
            }
            catch (Exception e)
            {
                // The cloud link is not needed to swap safely: drop it, keep the station running, say why.
                Cloud = null;
                _log.Write(LogLevel.Error, "cloud link stopped, the station runs offline: " + e.Message);
            }
        }

        /// <summary>The thread body.</summary>
        public void Run()
        {
            long next = _clock.NowMs;
            long tickCount = 0;
            while (true)
            {
                try
                {
                    _board.RefreshInputs();
                    _controller.Tick();
                    long now = _clock.NowMs;
                    if (_board.CanChip != null) _board.CanChip.Poll(now);
                    if (TechnicianConsole != null)
                    {
                        TechnicianConsole.Poll();
                    }
                    if (Cloud != null) TickCloud();
                    _board.FlushOutputs();

                    tickCount++;
                    // Status LED: blinks at 1 Hz while healthy, stays lit while a fault is latched.
                    bool fault = _controller.LatchedFault != FaultCode.None;
                    bool led = fault || (tickCount * _periodMs / 500) % 2 == 0;
                    if (led != _led)
                    {
                        _board.StatusLed.Write(led);
                        _led = led;
                    }

                    next += _periodMs;
                    long wait = next - _clock.NowMs;
                    if (wait > 0)
                    {
                        Thread.Sleep((int)wait);
                    }
                    else
                    {
                        _overruns++;
                        if (_overruns % 100 == 1)
                        {
                            _log.Write(LogLevel.Warning, "control loop overrun (" + _overruns + " so far)");
                        }
                        next = _clock.NowMs; // restart the schedule instead of bursting to catch up
                    }
                }
                catch (Exception e)
                {
                    BoardIoFailed(e);
                    Thread.Sleep(_periodMs);
                    next = _clock.NowMs;
                }
            }
        }

        private int _ioFailures;

        void BoardIoFailed(Exception e)
        {
            _ioFailures++;
            try
            {
                _board.AllOff();
                _board.StatusLed.Write(true);
            }
            catch (Exception)
            {
                // Outputs not confirmed off: stop feeding, the watchdog restarts the board.
                _controller.Watchdog = null;
            }
            if (_ioFailures < 4) _log.Write(LogLevel.Error, "control loop I/O failed, all outputs off: " + e.Message);
        }
    }
}
