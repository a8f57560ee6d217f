-- CreateTable
CREATE TABLE "BotPlatform" (
    "platform" TEXT NOT NULL PRIMARY KEY,
    "botId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL
);
