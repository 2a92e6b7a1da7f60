import type { Metadata } from 'next';
import { HomeScreen } from '../components/home/HomeScreen';

export const metadata: Metadata = { title: 'Documents' };

export default function HomePage() {
  return <HomeScreen />;
}
