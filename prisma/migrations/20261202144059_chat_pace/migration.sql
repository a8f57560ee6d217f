-- CreateTable
CREATE TABLE "ChatPace" (
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "nextAt" DATETIME NOT NULL,

    PRIMARY KEY ("platform", "chatId")
);
