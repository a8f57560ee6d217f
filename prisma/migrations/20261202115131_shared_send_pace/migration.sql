-- CreateTable
CREATE TABLE "SendPace" (
    "platform" TEXT NOT NULL PRIMARY KEY,
    "nextSlotAt" DATETIME NOT NULL
);
