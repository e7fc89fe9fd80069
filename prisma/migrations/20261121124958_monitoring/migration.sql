-- CreateTable
CREATE TABLE "DriftSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelVersionId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "windowEnd" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,
    "flagRate" REAL NOT NULL,
    "scorePsi" REAL,
    "features" JSONB NOT NULL,
    "driftedShare" REAL NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MonitorSetting" (
    "kind" TEXT NOT NULL PRIMARY KEY,
    "psiWarn" REAL NOT NULL DEFAULT 0.1,
    "psiAlert" REAL NOT NULL DEFAULT 0.25,
    "driftShare" REAL NOT NULL DEFAULT 0.5,
    "precisionTarget" REAL,
    "recallTarget" REAL,
    "minLabels" INTEGER NOT NULL DEFAULT 30,
    "retrainEnabled" BOOLEAN NOT NULL DEFAULT false,
    "retrainOnDrift" BOOLEAN NOT NULL DEFAULT true,
    "retrainNewLabels" INTEGER NOT NULL DEFAULT 200,
    "lastRetrainAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT
);

-- CreateIndex
CREATE INDEX "DriftSnapshot_window_windowStart_idx" ON "DriftSnapshot"("window", "windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "DriftSnapshot_modelVersionId_window_windowStart_key" ON "DriftSnapshot"("modelVersionId", "window", "windowStart");

