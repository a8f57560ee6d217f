-- CreateTable
CREATE TABLE "BotPlatform" (
    "platform" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BotPlatform_pkey" PRIMARY KEY ("platform")
);
