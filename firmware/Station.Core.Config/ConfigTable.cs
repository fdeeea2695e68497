
namespace Station.Core.Config
{
    /// <summary>The one table of configuration keys. Parsing, range checks, <c>config show</c>, help text, the stored
    /// file and the tests all come from these rows; the index of a row is its identity in <see cref="ConfigValues"/>.</summary>
    /// <remarks>Names follow <c>area.quantity_unit</c> so a technician sees the unit in the key itself.</remarks>
    public static class ConfigTable
    {
        /// <summary>Row index of <c>station.id</c>.</summary>
        public const int StationId = 0;
        /// <summary>Row index of <c>lift.travel_mm</c>.</summary>
        public const int LiftTravelMm = 1;
        /// <summary>Row index of <c>lift.speed_mm_s</c>.</summary>
        public const int LiftSpeedMmS = 2;
        /// <summary>Row index of <c>lift.homing_speed_mm_s</c>.</summary>
        public const int LiftHomingSpeedMmS = 3;
        /// <summary>Row index of <c>lift.soft_min_mm</c>.</summary>
        public const int LiftSoftMinMm = 4;
        /// <summary>Row index of <c>lift.soft_max_mm</c>.</summary>
        public const int LiftSoftMaxMm = 5;
        /// <summary>Row index of <c>lift.vehicle_height_mm</c>.</summary>
        public const int LiftVehicleHeightMm = 6;
        /// <summary>Row index of <c>lift.jog_speed_mm_s</c>.</summary>
        public const int LiftJogSpeedMmS = 7;
        /// <summary>Row index of <c>lift.jog_step_mm</c>.</summary>
        public const int LiftJogStepMm = 8;
        /// <summary>Row index of <c>lift.move_timeout_margin_ms</c>.</summary>
        public const int LiftMoveTimeoutMarginMs = 9;
        /// <summary>Row index of <c>lock.count</c>.</summary>
        public const int LockCount = 10;
        /// <summary>Row index of <c>lock.travel_ms</c>.</summary>
        public const int LockTravelMs = 11;
        /// <summary>Row index of <c>conveyor.staging_timeout_ms</c>.</summary>
        public const int StagingTimeoutMs = 12;
        /// <summary>Row index of <c>conveyor.transfer_timeout_ms</c>.</summary>
        public const int TransferTimeoutMs = 13;
        /// <summary>Row index of <c>gate.min_soc_pct</c>.</summary>
        public const int MinSocPct = 14;
        /// <summary>Row index of <c>gate.bms_timeout_ms</c>.</summary>
        public const int BmsTimeoutMs = 15;
        /// <summary>Row index of <c>pack.types</c>.</summary>
        public const int PackTypes = 16;
        /// <summary>Row index of <c>gate.pack_min_temp_c</c>.</summary>
        public const int PackMinTempC = 17;
        /// <summary>Row index of <c>gate.pack_max_temp_c</c>.</summary>
        public const int PackMaxTempC = 18;
        /// <summary>Row index of <c>mqtt.host</c>.</summary>
        public const int MqttHost = 19;
        /// <summary>Row index of <c>mqtt.port</c>.</summary>
        public const int MqttPort = 20;
        /// <summary>Row index of <c>mqtt.topic_prefix</c>.</summary>
        public const int MqttTopicPrefix = 21;
        /// <summary>Row index of <c>mqtt.keepalive_s</c>.</summary>
        public const int MqttKeepAliveS = 22;
        /// <summary>Row index of <c>maint.pin</c>.</summary>
        public const int MaintPin = 23;
        /// <summary>Row index of <c>maint.idle_timeout_s</c>.</summary>
        public const int MaintIdleTimeoutS = 24;
        /// <summary>Row index of <c>maint.lockout_s</c>.</summary>
        public const int MaintLockoutS = 25;
        /// <summary>Row index of <c>mqtt.enabled</c>.</summary>
        public const int MqttEnabled = 26;
        /// <summary>Row index of <c>mqtt.tls</c>.</summary>
        public const int MqttTls = 27;
        /// <summary>Row index of <c>lift.stall_window_ms</c>.</summary>
        public const int LiftStallWindowMs = 28;
        /// <summary>Row index of <c>safety.relay_response_ms</c>.</summary>
        public const int SafetyRelayResponseMs = 29;
        /// <summary>Row index of <c>gate.bms_fresh_ms</c>.</summary>
        public const int BmsFreshMs = 30;
        /// <summary>Row index of <c>lift.home_window_mm</c>.</summary>
        public const int LiftHomeWindowMm = 31;
        /// <summary>Row index of <c>lift.approach_speed_mm_s</c>.</summary>
        public const int LiftApproachSpeedMmS = 32;
        /// <summary>Row index of <c>lift.contact_zone_mm</c>.</summary>
        public const int LiftContactZoneMm = 33;
        /// <summary>Row index of <c>lift.seal_compression_mm</c>.</summary>
        public const int LiftSealCompressionMm = 34;
        /// <summary>Row index of <c>lift.homing_backoff_mm</c>.</summary>
        public const int LiftHomingBackoffMm = 35;
        /// <summary>Row index of <c>lift.homing_repeat_mm</c>.</summary>
        public const int LiftHomingRepeatMm = 36;
        /// <summary>Row index of <c>lock.min_travel_ms</c>.</summary>
        public const int LockMinTravelMs = 37;
        /// <summary>Row index of <c>bay.profile</c>.</summary>
        public const int BayProfile = 38;
        /// <summary>Row index of <c>lift.following_error_mm</c>.</summary>
        public const int LiftFollowingErrorMm = 39;
        /// <summary>Row index of <c>safety.tick_late_ms</c>.</summary>
        public const int SafetyTickLateMs = 40;
        /// <summary>Row index of <c>pack.standard</c>.</summary>
        public const int PackStandard = 41;
        /// <summary>Row index of <c>ota.probation_s</c>.</summary>
        public const int OtaProbationS = 42;
        /// <summary>Row index of <c>ota.cloud_deadline_s</c>.</summary>
        public const int OtaCloudDeadlineS = 43;

        private const string SafetyThreshold = "a plausibility threshold of the safety checks is set at the bay, where its effect is seen";

        /// <summary>Every key, in the order <c>config show</c> lists them.</summary>
        public static readonly ConfigKey[] Keys = new ConfigKey[]
        {
            new ConfigKey("station.id", ConfigKind.Word, 1, StationName.MaxLength, "bay1", "name of this bay in prompts, logs and MQTT topics")
                .SiteOnly("the station's identity and topic tree are provisioned on site"),
            new ConfigKey("lift.travel_mm", "mm", 200, 3000, 600, "usable lift travel from home to the top limit"),
            new ConfigKey("lift.speed_mm_s", "mm/s", 10, 500, 200, "lift speed during a swap"),
            new ConfigKey("lift.homing_speed_mm_s", "mm/s", 5, 200, 100, "lift speed while seeking the home switch"),
            new ConfigKey("lift.soft_min_mm", "mm", 0, 500, 0, "lowest position a move or jog may target (home is always allowed)"),
            new ConfigKey("lift.soft_max_mm", "mm", 100, 3000, 560, "highest position a move or jog may target (below the top limit)"),
            new ConfigKey("lift.vehicle_height_mm", "mm", 100, 3000, 500, "lift position where it meets the vehicle's pack"),
            new ConfigKey("lift.jog_speed_mm_s", "mm/s", 1, 100, 20, "speed cap for console jogs in maintenance"),
            new ConfigKey("lift.jog_step_mm", "mm", 1, 200, 50, "largest single console jog"),
            new ConfigKey("lift.move_timeout_margin_ms", "ms", 100, 30000, 2000, "time allowed beyond the planned move time before a stall fault"),
            new ConfigKey("lock.count", "", 1, 8, 4, "number of pack locks fitted"),
            new ConfigKey("lock.travel_ms", "ms", 100, 10000, 1500, "longest time a lock may take to reach its end position"),
            new ConfigKey("conveyor.staging_timeout_ms", "ms", 1000, 120000, 30000, "longest time to stage the charged pack"),
            new ConfigKey("conveyor.transfer_timeout_ms", "ms", 1000, 120000, 20000, "longest time for one transfer conveyor run"),
            new ConfigKey("gate.min_soc_pct", "%", 0, 100, 80, "lowest state of charge a pack may leave the station with"),
            new ConfigKey("gate.bms_timeout_ms", "ms", 100, 30000, 5000, "longest wait for the pack's BMS to answer"),
            new ConfigKey("pack.types", ConfigKind.WordList, 1, 9, "lifepo4,ternary", "GB/T battery types (BMS BRM) the release gate accepts")
                .OneOf(BatteryTypes.Names),
            new ConfigKey("gate.pack_min_temp_c", "C", -50, 50, -20, "lowest pack temperature (BMS BSM) the release gate accepts"),
            new ConfigKey("gate.pack_max_temp_c", "C", 0, 100, 55, "highest pack temperature (BMS BSM) the release gate accepts"),
            new ConfigKey("mqtt.host", ConfigKind.Host, 1, 63, "127.0.0.1", "MQTT broker host")
                .SiteOnly("a wrong broker setting would cut the link the cloud needs to undo it"),
            new ConfigKey("mqtt.port", "", 1, 65535, 8883, "MQTT broker port (8883 with TLS, 1883 without)")
                .SiteOnly("a wrong broker setting would cut the link the cloud needs to undo it"),
            new ConfigKey("mqtt.topic_prefix", ConfigKind.Word, 1, StationName.MaxLength, "stations", "first level of every MQTT topic")
                .SiteOnly("a wrong broker setting would cut the link the cloud needs to undo it"),
            new ConfigKey("mqtt.keepalive_s", "s", 5, 600, 60, "MQTT keep-alive interval")
                .SiteOnly("a wrong broker setting would cut the link the cloud needs to undo it"),
            new ConfigKey("maint.pin", ConfigKind.PinHash, 4, 8, "1234", "maintenance PIN (stored as a salted SHA-256 hash; default 1234: change it)")
                .SiteOnly("the maintenance PIN hash is never set remotely"),
            new ConfigKey("maint.idle_timeout_s", "s", 30, 3600, 600, "maintenance ends after this long without a key")
                .SiteOnly("console security is set on site"),
            new ConfigKey("maint.lockout_s", "s", 10, 3600, 300, "console lock after three wrong PINs")
                .SiteOnly("console security is set on site"),
            new ConfigKey("mqtt.enabled", "", 0, 1, 0, "1: start the cloud link at boot (provisioning: docs/cloud.md)")
                .SiteOnly("a wrong broker setting would cut the link the cloud needs to undo it"),
            new ConfigKey("mqtt.tls", "", 0, 1, 1, "1: TLS 1.2 with the provisioned CA certificate (0 only for a lab broker)")
                .SiteOnly("a wrong broker setting would cut the link the cloud needs to undo it"),
            new ConfigKey("lift.stall_window_ms", "ms", 50, 5000, 300, "a driven lift whose encoder does not change for this long has stalled"),
            new ConfigKey("safety.relay_response_ms", "ms", 50, 5000, 200, "longest time the safety relay may take to follow the motion permit"),
            new ConfigKey("gate.bms_fresh_ms", "ms", 50, 5000, 500, "the release gate needs the pack check confirmed within this long before it releases"),
            new ConfigKey("lift.home_window_mm", "mm", 2, 50, 5, "home switch and encoder must agree within this distance (arrival home, transfer)")
                .SiteOnly(SafetyThreshold),
            new ConfigKey("lift.approach_speed_mm_s", "mm/s", 5, 100, 20, "lift speed in the contact zone and while homing confirms the switch")
                .SiteOnly(SafetyThreshold),
            new ConfigKey("lift.contact_zone_mm", "mm", 0, 200, 15, "zone below the vehicle height where the platform may touch the pack")
                .SiteOnly(SafetyThreshold),
            new ConfigKey("lift.seal_compression_mm", "mm", 1, 50, 6, "how far the pack seals allow the lift past the vehicle height")
                .SiteOnly(SafetyThreshold),
            new ConfigKey("lift.homing_backoff_mm", "mm", 4, 50, 10, "longest back-off before the home switch must read released")
                .SiteOnly(SafetyThreshold),
            new ConfigKey("lift.homing_repeat_mm", "mm", 1, 20, 2, "the two home switch edges of homing must agree within this")
                .SiteOnly(SafetyThreshold),
            new ConfigKey("lock.min_travel_ms", "ms", 30, 10000, 400, "shortest time a lock can take between its ends (faster = sensor fault)")
                .SiteOnly(SafetyThreshold),
            new ConfigKey("bay.profile", ConfigKind.WordList, 1, 1, BayProfileNames.Car,
                "kind of bay: its swap steps, pack places and the ports it needs (checked against the board at boot)")
                .OneOf(BayProfileNames.Names)
                .SiteOnly("the kind of bay is fixed by its mechanics and wiring, set on site"),
            new ConfigKey("lift.following_error_mm", "mm", 1, 50, 5, "encoder and commanded travel must agree within this (slip, runaway, idle drift)")
                .SiteOnly(SafetyThreshold),
            new ConfigKey("safety.tick_late_ms", "ms", 20, 1000, 100, "a control tick this late stops any motion (and is counted)")
                .SiteOnly(SafetyThreshold),
            new ConfigKey("pack.standard", ConfigKind.WordList, 1, 1, "unspecified",
                "standard of a rack pack set without one (choco20-lfp, choco25-nmc, qiji75, …; the BMS check holds the pack to it)")
                .OneOf(PackStandards.Names()),
            new ConfigKey("ota.probation_s", "s", 60, 86400, 600, "a new firmware image must run this long without a fault before it is confirmed"),
            new ConfigKey("ota.cloud_deadline_s", "s", 30, 3600, 300, "a new firmware image that has not reached the cloud by then rolls back"),
        };

        /// <summary>Index of the key with this exact name (case-insensitive), or -1.</summary>
        public static int IndexOf(string name)
        {
            if (name == null)
            {
                return -1;
            }

            string lower = name.ToLower();
            for (int i = 0; i < Keys.Length; i++)
            {
                if (Keys[i].Name == lower)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
