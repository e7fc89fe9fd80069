-- AlterTable
ALTER TABLE "MonitorSetting" ADD COLUMN     "expectedFraudRate" DOUBLE PRECISION;

