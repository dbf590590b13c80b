import { engineScenarios } from './scenarios';
import { launchChromium } from './chromium';

engineScenarios('chromium', launchChromium);
