-- Bytes of the images a step sent to the model (the set-of-marks JPEG with vision on; 0 without).
ALTER TABLE steps ADD COLUMN image_bytes BIGINT NOT NULL DEFAULT 0;
