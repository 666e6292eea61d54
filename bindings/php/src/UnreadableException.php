<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 3, `unreadable`: the input cannot be read as the format it must be (not an edXML package, not a PDF, a limit exceeded). */
final class UnreadableException extends Exception
{
    protected const CODE = 3;
    protected const KIND = 'unreadable';
}
